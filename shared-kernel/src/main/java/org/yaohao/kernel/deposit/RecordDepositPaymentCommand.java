package org.yaohao.kernel.deposit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.yaohao.kernel.common.MoneyFen;

import java.time.Instant;

/**
 * The payment gateway reports money received for the deposit. {@code paymentReference} is the gateway's own
 * reference: the same reference reported again is applied once.
 */
public record RecordDepositPaymentCommand(@TargetAggregateIdentifier DepositId depositId, String paymentReference,
                                          MoneyFen amount, PaymentRoute route, Instant paidAt) {
}
