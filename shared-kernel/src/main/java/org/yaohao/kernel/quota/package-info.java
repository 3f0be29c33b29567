/** The Quota's published language (指标): the right to register one passenger car, won in a draw or ranking; valid 12 months, extended up to 3 times by 6 months for a fee, used by a registered car (VIN, plate), expired, or revoked. */
package org.yaohao.kernel.quota;
