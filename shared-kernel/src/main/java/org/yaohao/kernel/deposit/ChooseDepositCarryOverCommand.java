package org.yaohao.kernel.deposit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.yaohao.kernel.round.RoundId;

/**
 * The applicant's standing choice, made before the results: should the application not win, keep the deposit for
 * {@code nextRound} (same quota type, later round) instead of having it refunded.
 */
public record ChooseDepositCarryOverCommand(@TargetAggregateIdentifier DepositId depositId, RoundId nextRound) {
}
