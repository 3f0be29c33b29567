package org.yaohao.kernel.deposit;

/** Where a deposit stands. */
public enum DepositStatus {
    AWAITING_PAYMENT, PARTLY_PAID, PAID_IN_FULL, REFUND_SCHEDULED, REFUNDED, CONVERTED, CARRIED_OVER, CANCELLED
}
