/** The Quota aggregate (指标): issued to a winner, valid 12 months; its lifecycle (extension, use, expiry) comes next. */
package org.yaohao.command.quota;
