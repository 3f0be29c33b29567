package org.yaohao.kernel.deposit;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MoneyFen;

import java.time.Instant;

/** Every refund line was confirmed paid out; the deposit is closed. */
@Revision("1")
public record DepositRefundedEvent(DepositId depositId, ApplicationCode code, MoneyFen amount, Instant refundedAt,
                                   String policyVersion) {
}
