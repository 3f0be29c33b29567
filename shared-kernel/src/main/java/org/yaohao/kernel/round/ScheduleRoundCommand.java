package org.yaohao.kernel.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open a round of the active policy's plan. */
public record ScheduleRoundCommand(@TargetAggregateIdentifier RoundId roundId) {
}
