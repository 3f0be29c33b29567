package org.yaohao.kernel.deposit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The gateway confirms that the refund of one payment was paid out by its original route. */
public record ConfirmDepositRefundCommand(@TargetAggregateIdentifier DepositId depositId, String paymentReference,
                                          String payoutReference, Instant refundedAt) {
}
