package org.yaohao.kernel.deposit;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MoneyFen;

import java.time.Instant;

/** Money was received for the deposit; {@code paidTotal} is the sum received so far. */
@Revision("1")
public record DepositInstalmentPaidEvent(DepositId depositId, ApplicationCode code, String paymentReference,
                                         MoneyFen amount, MoneyFen paidTotal, PaymentRoute route, Instant paidAt,
                                         String policyVersion) {
}
