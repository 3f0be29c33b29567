package org.yaohao.command.payment;

/** How a payer pays; a refund goes back by the same method to the same account ("原路退回"). */
enum PaymentMethod {
    BANK_CARD,
    ALIPAY,
    WECHAT_PAY
}
