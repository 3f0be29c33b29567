package org.yaohao.kernel.round;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.policy.AllocationMethod;
import org.yaohao.kernel.policy.PoolKind;

import java.time.Instant;

/**
 * A pool fixed at the cut-off: the number of quotas, of entries and of the {@link PoolEntriesFrozenEvent} chunks
 * that precede it and hold the entries, the total weight, and the digest of draw-algorithm.md over the entries in
 * pool order.
 * <p>
 * Revision 2: revision 1 held the entries itself, which made one event of ~150 MB for a pool of 3,000,000.
 */
@Revision("2")
public record PoolFrozenEvent(RoundId roundId, PoolKind pool, AllocationMethod method, int quota, int entryCount,
                              int chunkCount, String digest, long totalWeight, Instant cutOffInstant,
                              String policyVersion) {

    /**
     * One entry: {@code code} is the application code (an enterprise entry adds -1 … -5); {@code weight} its weight
     * (for a ranking pool the family points in tenths, or 1 for the queue); {@code validSince} when the application
     * became valid (the ranking's tie-break).
     */
    public record Entry(String code, long weight, Instant validSince) {
    }
}
