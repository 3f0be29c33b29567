/**
 * The Quota aggregate (指标) and its command API: issued to a winner, valid 12 months, extended up to 3 times by 6
 * months for a 300-yuan fee paid through the payment gateway, used by a car registered against it, expired at the
 * end of its validity (a persistent deadline), revoked by the regulator.
 */
package org.yaohao.command.quota;
