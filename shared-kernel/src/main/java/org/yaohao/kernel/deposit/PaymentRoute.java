package org.yaohao.kernel.deposit;

/**
 * How money came in, so a refund goes back the same way ("原路退回"): the method (e.g. {@code BANK_CARD},
 * {@code ALIPAY}, {@code WECHAT_PAY}) and the account as the gateway shows it, already masked by the gateway.
 */
public record PaymentRoute(String method, String maskedAccount) {
}
