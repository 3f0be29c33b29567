package org.yaohao.kernel.round;

import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.policy.AllocationMethod;
import org.yaohao.kernel.policy.PoolKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A round as published: per pool the quota, the number of entries and total weight, the pool digest, and after the
 * draw the seed and the winners (application codes, in draw order). No personal data. The pool entries themselves
 * are downloaded separately, as the canonical text whose SHA-256 is the digest.
 *
 * @param commitment  SHA-256 of the seed, lowercase hex; {@code null} until committed
 * @param publishedOn the day the results were published; {@code null} until then
 * @param pools       the pools of the round's plan, in plan order
 */
public record RoundView(String roundId,
                        QuotaType quotaType,
                        RoundStatus status,
                        String policyVersion,
                        LocalDate drawDate,
                        LocalDate cutOff,
                        String commitment,
                        LocalDate publishedOn,
                        List<PoolView> pools) {

    /**
     * One pool. Fields of a step not yet reached are {@code null} (the winners an empty list).
     *
     * @param entryCount  the number of entries frozen (an enterprise has one per requested quota)
     * @param totalWeight the sum of the entries' weights
     * @param digest      lowercase hex SHA-256 of the pool's canonical text (draw-algorithm.md, Pool digest)
     * @param frozenAsOf  the instant of the event history the pool was frozen from (the cut-off)
     * @param drawId      {@code <roundId>/<pool>}, an input of the draw
     * @param algorithm   the draw algorithm's version, {@code v1}
     * @param seed        the revealed seed, lowercase hex
     * @param winners     in draw order (中签顺序号)
     */
    public record PoolView(PoolKind pool,
                           AllocationMethod method,
                           int quota,
                           Integer entryCount,
                           Long totalWeight,
                           String digest,
                           Instant frozenAsOf,
                           String drawId,
                           String algorithm,
                           String seed,
                           List<Winner> winners) {
    }

    /** A winner: its sequence number (中签顺序号, from 1) and its code (an enterprise's ends in -1 … -5). */
    public record Winner(int sequence, String code) {
    }
}
