package org.yaohao.kernel.deposit;

/** Operators' list of refunds not confirmed by their due date. Answered with a list of {@link OverdueRefundView}. */
public record FindOverdueRefundsQuery() {
}
