package org.yaohao.kernel.deposit;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.round.RoundId;

/** Should the application not win, its deposit goes to {@code nextRound} instead of back to the payer. */
@Revision("1")
public record DepositCarryOverChosenEvent(DepositId depositId, ApplicationCode code, RoundId nextRound,
                                          String policyVersion) {
}
