package org.yaohao.kernel.draw;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.kernel.draw.VerificationReport.Outcome;

class DrawVerificationTest {

    private static final String DRAW_ID = "2023-ORD-05/PERSONAL";
    private static final byte[] SEED = DrawFixtures.seedOf("generated");
    private static final Pool POOL = DrawFixtures.generatedPool(2000);
    private static final DrawResult RECORDED = DrawFixtures.draw(DRAW_ID, POOL, 50, SEED);

    @Test
    void aFaithfulRecordMatches() {
        VerificationReport report = DrawVerification.verify(RECORDED, DrawFixtures.generatedPool(2000), SEED);

        assertThat(report.outcome()).isEqualTo(Outcome.MATCH);
        assertThat(report.matches()).isTrue();
    }

    @Test
    void reportsTheFirstDifferingWinnerPosition() {
        List<Winner> tampered = new ArrayList<>(RECORDED.winners());
        // swap winners 3 and 4: the first point of difference is position 3
        tampered.set(2, new Winner(3, RECORDED.winners().get(3).code()));
        tampered.set(3, new Winner(4, RECORDED.winners().get(2).code()));

        VerificationReport report = DrawVerification.verify(withWinners(tampered), POOL, SEED);

        assertThat(report.outcome()).isEqualTo(Outcome.WINNER_MISMATCH);
        assertThat(report.position()).isEqualTo(3);
        assertThat(report.expected()).isEqualTo("G00208");
        assertThat(report.actual()).isEqualTo("G00057");
        assertThat(report.describe()).isEqualTo("winner 3 differs: re-derived G00208, recorded G00057");
    }

    @Test
    void reportsAMissingOrExtraWinner() {
        List<Winner> shorter = RECORDED.winners().subList(0, 49);
        List<Winner> longer = new ArrayList<>(RECORDED.winners());
        longer.add(new Winner(51, "G00000"));

        VerificationReport missing = DrawVerification.verify(withWinners(shorter), POOL, SEED);
        VerificationReport extra = DrawVerification.verify(withWinners(longer), POOL, SEED);

        assertThat(missing.outcome()).isEqualTo(Outcome.WINNER_MISMATCH);
        assertThat(missing.position()).isEqualTo(50);
        assertThat(missing.expected()).isEqualTo(RECORDED.winners().get(49).code());
        assertThat(missing.actual()).isNull();
        assertThat(extra.position()).isEqualTo(51);
        assertThat(extra.expected()).isNull();
        assertThat(extra.actual()).isEqualTo("G00000");
    }

    @Test
    void reportsAWinnerRecordedUnderTheWrongSequenceNumber() {
        List<Winner> renumbered = new ArrayList<>(RECORDED.winners());
        renumbered.set(9, new Winner(11, RECORDED.winners().get(9).code()));

        VerificationReport report = DrawVerification.verify(withWinners(renumbered), POOL, SEED);

        assertThat(report.outcome()).isEqualTo(Outcome.WINNER_MISMATCH);
        assertThat(report.position()).isEqualTo(10);
        assertThat(report.actual()).contains("recorded as sequence 11");
    }

    @Test
    void reportsADifferentPool() {
        List<PoolEntry> entries = new ArrayList<>(POOL.entries());
        entries.set(17, new PoolEntry(entries.get(17).code(), entries.get(17).weight() + 1));
        Pool rebuilt = Pool.of(entries);

        VerificationReport report = DrawVerification.verify(RECORDED, rebuilt, SEED);

        assertThat(report.outcome()).isEqualTo(Outcome.POOL_DIGEST_MISMATCH);
        assertThat(report.expected()).isEqualTo(rebuilt.digest());
        assertThat(report.actual()).isEqualTo(POOL.digest());
    }

    @Test
    void reportsASeedThatDoesNotMatchTheCommitment() {
        byte[] other = SEED.clone();
        other[5] ^= 0x40;

        VerificationReport report = DrawVerification.verify(RECORDED, POOL, other);
        VerificationReport shortSeed = DrawVerification.verify(RECORDED, POOL, new byte[8]);

        assertThat(report.outcome()).isEqualTo(Outcome.COMMITMENT_MISMATCH);
        assertThat(report.expected()).isEqualTo(SeedCommitment.commit(other));
        assertThat(report.actual()).isEqualTo(RECORDED.commitment());
        assertThat(shortSeed.outcome()).isEqualTo(Outcome.COMMITMENT_MISMATCH);
    }

    @Test
    void reportsARecordedSeedOtherThanTheCommittedOne() {
        DrawResult wrongSeedHex = new DrawResult(DRAW_ID, "v1", "00".repeat(32), RECORDED.commitment(),
                RECORDED.poolDigest(), RECORDED.entryCount(), RECORDED.totalWeight(), RECORDED.k(), RECORDED.winners());

        assertThat(DrawVerification.verify(wrongSeedHex, POOL, SEED).outcome()).isEqualTo(Outcome.SEED_MISMATCH);
    }

    @Test
    void reportsEntryCountAndTotalWeightRecordedWrongly() {
        DrawResult wrongCount = new DrawResult(DRAW_ID, "v1", RECORDED.seedHex(), RECORDED.commitment(),
                RECORDED.poolDigest(), 1999, RECORDED.totalWeight(), RECORDED.k(), RECORDED.winners());
        DrawResult wrongWeight = new DrawResult(DRAW_ID, "v1", RECORDED.seedHex(), RECORDED.commitment(),
                RECORDED.poolDigest(), RECORDED.entryCount(), 97965, RECORDED.k(), RECORDED.winners());

        VerificationReport count = DrawVerification.verify(wrongCount, POOL, SEED);
        VerificationReport weight = DrawVerification.verify(wrongWeight, POOL, SEED);

        assertThat(count.outcome()).isEqualTo(Outcome.ENTRY_COUNT_MISMATCH);
        assertThat(count.expected()).isEqualTo("2000");
        assertThat(count.actual()).isEqualTo("1999");
        assertThat(weight.outcome()).isEqualTo(Outcome.TOTAL_WEIGHT_MISMATCH);
        assertThat(weight.expected()).isEqualTo("97966");
    }

    @Test
    void reportsAnUnsupportedAlgorithm() {
        DrawResult v2 = new DrawResult(DRAW_ID, "v2", RECORDED.seedHex(), RECORDED.commitment(),
                RECORDED.poolDigest(), RECORDED.entryCount(), RECORDED.totalWeight(), RECORDED.k(), RECORDED.winners());

        assertThat(DrawVerification.verify(v2, POOL, SEED).outcome()).isEqualTo(Outcome.ALGORITHM_UNSUPPORTED);
    }

    private static DrawResult withWinners(List<Winner> winners) {
        return new DrawResult(DRAW_ID, "v1", RECORDED.seedHex(), RECORDED.commitment(), RECORDED.poolDigest(),
                RECORDED.entryCount(), RECORDED.totalWeight(), RECORDED.k(), winners);
    }
}
