package org.yaohao.kernel.deposit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Schedule the refund of what was paid: due {@code refund working days} after {@code basisDate} (the day the
 * round's results were published, or the day of withdrawal).
 */
public record ScheduleDepositRefundCommand(@TargetAggregateIdentifier DepositId depositId, RefundReason reason,
                                           LocalDate basisDate) {
}
