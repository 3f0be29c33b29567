package org.yaohao.kernel.deposit;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.round.RoundId;

/** A non-winning deposit is kept for {@code nextRound} (same quota type) instead of being refunded. */
@Revision("1")
public record DepositCarriedOverEvent(DepositId depositId, ApplicationCode code, RoundId nextRound, MoneyFen amount,
                                      String policyVersion) {
}
