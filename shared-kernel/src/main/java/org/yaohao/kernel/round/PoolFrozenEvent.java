package org.yaohao.kernel.round;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.policy.AllocationMethod;
import org.yaohao.kernel.policy.PoolKind;

import java.time.Instant;
import java.util.List;

/**
 * A pool fixed at the cut-off: its entries in pool order (code, weight; for a ranking pool the weight is the
 * family points in tenths, or 0 for the queue, with the time the application became valid), the number of
 * quotas, and the digest of draw-algorithm.md.
 */
@Revision("1")
public record PoolFrozenEvent(RoundId roundId, PoolKind pool, AllocationMethod method, int quota,
                              List<Entry> entries, String digest, long totalWeight, Instant cutOffInstant,
                              String policyVersion) {

    /** One entry: {@code code} is the application code (an enterprise entry adds -1 … -5). */
    public record Entry(String code, long weight, Instant validSince) {
    }
}
