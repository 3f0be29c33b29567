package org.yaohao.kernel.deposit;

import org.yaohao.kernel.common.MoneyFen;

/** One payment to be returned by its original route. */
public record RefundLine(String paymentReference, MoneyFen amount, PaymentRoute route) {
}
