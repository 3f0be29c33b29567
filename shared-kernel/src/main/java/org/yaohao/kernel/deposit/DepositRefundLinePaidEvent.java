package org.yaohao.kernel.deposit;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MoneyFen;

import java.time.Instant;

/** The gateway confirmed the refund of one payment by its original route. */
@Revision("1")
public record DepositRefundLinePaidEvent(DepositId depositId, ApplicationCode code, String paymentReference,
                                         String payoutReference, MoneyFen amount, PaymentRoute route,
                                         Instant refundedAt, String policyVersion) {
}
