package org.yaohao.kernel.round;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.policy.AllocationMethod;
import org.yaohao.kernel.policy.PoolKind;

import java.util.List;

/**
 * A pool's result: the winners in draw order ({@code sequence} = 中签顺序号) and everything needed to re-run it:
 * algorithm {@code v1}, the revealed seed, its commitment, the pool digest, entry count, total weight and quota.
 */
@Revision("1")
public record PoolDrawnEvent(RoundId roundId, PoolKind pool, AllocationMethod method, String drawId,
                             String algorithm, String seedHex, String commitment, String poolDigest, int entryCount,
                             long totalWeight, int quota, List<Winner> winners, String policyVersion) {

    public record Winner(int sequence, String code) {
    }
}
