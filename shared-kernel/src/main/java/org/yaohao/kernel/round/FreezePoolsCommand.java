package org.yaohao.kernel.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** At or after the cut-off: fix each pool from the event history as it stood at the cut-off. */
public record FreezePoolsCommand(@TargetAggregateIdentifier RoundId roundId) {
}
