package org.yaohao.kernel.round;

import org.axonframework.serialization.Revision;

/** The regulator's commitment SHA-256(seed), published before the pool is frozen. */
@Revision("1")
public record SeedCommittedEvent(RoundId roundId, String commitment, String policyVersion) {
}
