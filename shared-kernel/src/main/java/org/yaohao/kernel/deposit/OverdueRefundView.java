package org.yaohao.kernel.deposit;

import java.time.LocalDate;

/** A refund past its due date, for operators: no personal data. */
public record OverdueRefundView(String depositId, String applicationCode, String roundId, long outstandingFen,
                                LocalDate dueDate, RefundReason reason) {
}
