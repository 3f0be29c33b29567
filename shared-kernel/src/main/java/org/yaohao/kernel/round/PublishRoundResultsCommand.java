package org.yaohao.kernel.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish the drawn results: from this day the refund clock of non-winners runs. */
public record PublishRoundResultsCommand(@TargetAggregateIdentifier RoundId roundId) {
}
