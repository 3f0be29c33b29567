package org.yaohao.kernel.deposit;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.round.RoundId;

import java.time.Instant;

/**
 * The deposit is fully paid. An application enters the round only if {@code paidAt} is not after the round's
 * cut-off.
 */
@Revision("1")
public record DepositPaidInFullEvent(DepositId depositId, ApplicationCode code, RoundId roundId, MoneyFen amount,
                                     Instant paidAt, String policyVersion) {
}
