package org.yaohao.kernel.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The regulator posts SHA-256(seed), lowercase hex, before the pool is frozen; the seed stays secret until the draw. */
public record CommitSeedCommand(@TargetAggregateIdentifier RoundId roundId, String commitment) {
}
