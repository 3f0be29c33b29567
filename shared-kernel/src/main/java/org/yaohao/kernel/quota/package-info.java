/** The Quota's published language (指标): the right to register one passenger car, won in a draw or ranking. */
package org.yaohao.kernel.quota;
