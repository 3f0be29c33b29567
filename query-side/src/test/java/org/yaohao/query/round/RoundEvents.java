package org.yaohao.query.round;

import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.draw.DrawResult;
import org.yaohao.kernel.draw.LotteryDraw;
import org.yaohao.kernel.draw.Pool;
import org.yaohao.kernel.draw.PoolEntry;
import org.yaohao.kernel.draw.SeedCommitment;
import org.yaohao.kernel.policy.AllocationMethod;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.policy.PoolPlan;
import org.yaohao.kernel.round.PoolDrawnEvent;
import org.yaohao.kernel.round.PoolEntriesFrozenEvent;
import org.yaohao.kernel.round.PoolFrozenEvent;
import org.yaohao.kernel.round.RoundId;
import org.yaohao.kernel.round.RoundResultsPublishedEvent;
import org.yaohao.kernel.round.RoundScheduledEvent;
import org.yaohao.kernel.round.SeedCommittedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.yaohao.query.TestEvents.POLICY;
import static org.yaohao.query.TestEvents.code;

/**
 * A round's events as the AllocationRound publishes them: pools built with {@link Pool#of}, so the digests are the
 * kernel's, and winners drawn with the normative {@link LotteryDraw}.
 */
public final class RoundEvents {

    public static final RoundId ROUND = RoundId.of("2023-ORD-02");
    public static final LocalDate DRAW_DATE = LocalDate.parse("2023-05-26");
    public static final LocalDate CUT_OFF = LocalDate.parse("2023-05-08");
    public static final Instant CUT_OFF_INSTANT = Instant.parse("2023-05-07T16:00:00Z");
    public static final LocalDate PUBLISHED_ON = LocalDate.parse("2023-05-26");
    public static final byte[] SEED = SeedCommitment.fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    public static final String COMMITMENT = SeedCommitment.commit(SEED);
    public static final int PERSONAL_QUOTA = 3;
    public static final int ENTERPRISE_QUOTA = 2;

    private RoundEvents() {
    }

    public static RoundScheduledEvent scheduled() {
        return new RoundScheduledEvent(ROUND, QuotaType.ORDINARY, DRAW_DATE, CUT_OFF,
                                       List.of(new PoolPlan(PoolKind.PERSONAL, AllocationMethod.LOTTERY, PERSONAL_QUOTA),
                                               new PoolPlan(PoolKind.ENTERPRISE, AllocationMethod.LOTTERY,
                                                            ENTERPRISE_QUOTA)),
                                       Map.of(), POLICY);
    }

    public static SeedCommittedEvent committed() {
        return new SeedCommittedEvent(ROUND, COMMITMENT, POLICY);
    }

    /** Five personal entries with different weights, given out of order: the pool sorts them. */
    public static Pool personalPool() {
        return Pool.of(new PoolEntry(code("500000000005").value(), 9),
                       new PoolEntry(code("100000000001").value(), 1),
                       new PoolEntry(code("300000000003").value(), 4),
                       new PoolEntry(code("200000000002").value(), 2),
                       new PoolEntry(code("400000000004").value(), 12));
    }

    /** One enterprise requesting three quotas: three entries {@code code-1} … {@code code-3}. */
    public static Pool enterprisePool() {
        String enterprise = code("600000000006").value();
        return Pool.of(new PoolEntry(enterprise + "-1", 1), new PoolEntry(enterprise + "-2", 1),
                       new PoolEntry(enterprise + "-3", 1));
    }

    /** {@code size} entries with 13-digit codes, weights 1 … 7. */
    public static Pool largePool(int size) {
        List<PoolEntry> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            entries.add(new PoolEntry(code(String.format("%012d", 100_000_000_000L + 7_919L * i)).value(),
                                      1 + i % 7));
        }
        return Pool.of(entries);
    }

    /** A pool as the freeze records it: its entries in chunks of at most 50,000, then the head. */
    public record Frozen(List<PoolEntriesFrozenEvent> chunks, PoolFrozenEvent head) {

        public String digest() {
            return head.digest();
        }
    }

    public static Frozen frozen(PoolKind kind, int quota, Pool pool) {
        List<PoolFrozenEvent.Entry> entries = pool.entries().stream()
                                                  .map(e -> new PoolFrozenEvent.Entry(e.code(), e.weight(),
                                                                                      CUT_OFF_INSTANT))
                                                  .toList();
        List<PoolEntriesFrozenEvent> chunks = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += PoolEntriesFrozenEvent.MAX_ENTRIES) {
            chunks.add(new PoolEntriesFrozenEvent(ROUND, kind, chunks.size(), entries.subList(
                    from, Math.min(entries.size(), from + PoolEntriesFrozenEvent.MAX_ENTRIES))));
        }
        return new Frozen(chunks, new PoolFrozenEvent(ROUND, kind, AllocationMethod.LOTTERY, quota, entries.size(),
                                                      chunks.size(), pool.digest(), pool.totalWeight(),
                                                      CUT_OFF_INSTANT, POLICY));
    }

    /** The projection handles the pool's chunks, then its head at {@code sequence}. */
    public static void freeze(RoundsProjection projection, Frozen frozen, long sequence) {
        frozen.chunks().forEach(projection::on);
        projection.on(frozen.head(), sequence);
    }

    public static PoolDrawnEvent drawn(PoolKind kind, int quota, Pool pool) {
        String drawId = ROUND.value() + "/" + kind.name();
        DrawResult result = LotteryDraw.draw(drawId, pool, quota, SEED, COMMITMENT);
        return new PoolDrawnEvent(ROUND, kind, AllocationMethod.LOTTERY, drawId, result.algorithm(),
                                  result.seedHex(), COMMITMENT, pool.digest(), pool.size(), pool.totalWeight(), quota,
                                  result.winners().stream()
                                        .map(w -> new PoolDrawnEvent.Winner(w.sequence(), w.code())).toList(),
                                  POLICY);
    }

    public static RoundResultsPublishedEvent published() {
        return new RoundResultsPublishedEvent(ROUND, PUBLISHED_ON, POLICY);
    }

    /** The round from schedule to publication, each event with its aggregate sequence number. */
    public static void wholeRound(RoundsProjection projection) {
        projection.on(scheduled(), 0L);
        projection.on(committed(), 1L);
        freeze(projection, frozen(PoolKind.PERSONAL, PERSONAL_QUOTA, personalPool()), 2L);
        freeze(projection, frozen(PoolKind.ENTERPRISE, ENTERPRISE_QUOTA, enterprisePool()), 3L);
        projection.on(drawn(PoolKind.PERSONAL, PERSONAL_QUOTA, personalPool()), 4L);
        projection.on(drawn(PoolKind.ENTERPRISE, ENTERPRISE_QUOTA, enterprisePool()), 5L);
        projection.on(published(), 6L);
    }
}
