package org.yaohao.kernel.deposit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.yaohao.kernel.round.RoundId;

/** The applicant keeps a non-winning deposit for the next round of the same type instead of a refund. */
public record CarryOverDepositCommand(@TargetAggregateIdentifier DepositId depositId, RoundId nextRound) {
}
