package org.yaohao.kernel.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reveal the seed (64 hex characters) and draw every pool; refused when the seed does not match the commitment. */
public record DrawRoundCommand(@TargetAggregateIdentifier RoundId roundId, String seedHex) {
}
