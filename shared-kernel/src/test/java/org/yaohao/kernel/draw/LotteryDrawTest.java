package org.yaohao.kernel.draw;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yaohao.kernel.draw.DrawFixtures.draw;
import static org.yaohao.kernel.draw.DrawFixtures.seedOf;
import static org.yaohao.kernel.draw.DrawFixtures.sequentialSeed;

/**
 * Expected winner orders come from {@code draw_v1_reference.py} (in the test resources of this package), an independent naive Python
 * implementation of {@code docs/draw-algorithm.md}, run once; the values are hard-coded so the build needs no Python.
 */
class LotteryDrawTest {

    private static final Pool TEN = Pool.of(
            new PoolEntry("C01", 10), new PoolEntry("C02", 20), new PoolEntry("C03", 30), new PoolEntry("C04", 10),
            new PoolEntry("C05", 50), new PoolEntry("C06", 10), new PoolEntry("C07", 10), new PoolEntry("C08", 40),
            new PoolEntry("C09", 10), new PoolEntry("C10", 20));

    @Test
    void drawsTheWinnersTheReferenceDraws() {
        DrawResult result = draw("2023-ORD-02/PERSONAL", TEN, 4, sequentialSeed());

        assertThat(result.winnerCodes()).containsExactly("C05", "C08", "C04", "C09");
        assertThat(result.winners()).extracting(Winner::sequence).containsExactly(1, 2, 3, 4);
        assertThat(result.drawId()).isEqualTo("2023-ORD-02/PERSONAL");
        assertThat(result.algorithm()).isEqualTo("v1");
        assertThat(result.seedHex()).isEqualTo("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        assertThat(result.commitment()).isEqualTo("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd");
        assertThat(result.poolDigest()).isEqualTo("73ba813391bcbe50af73a439799e1fc994706ea0a68a581d69977468a0ff07ea");
        assertThat(result.entryCount()).isEqualTo(10);
        assertThat(result.totalWeight()).isEqualTo(210);
        assertThat(result.k()).isEqualTo(4);
    }

    @Test
    void hashesNonAsciiDrawIdsAndCodesAsUtf8InByteOrder() {
        Pool pool = Pool.of(new PoolEntry("Z", 1), new PoolEntry("\u00e9", 2), new PoolEntry("\u4e2d", 3),
                new PoolEntry("\uFF21", 4), new PoolEntry("\uD83D\uDE00", 5), new PoolEntry("a", 6));

        DrawResult result = draw("2023-NEV-01/\u4f01\u4e1a", pool, 3, seedOf("unicode"));

        assertThat(result.winnerCodes()).containsExactly("\uFF21", "\uD83D\uDE00", "a");
    }

    @Test
    void everyEntryWinsInADefinedOrderWhenKIsAtLeastTheEntryCount() {
        Pool pool = Pool.of(new PoolEntry("E1", 1), new PoolEntry("E2", 1), new PoolEntry("E3", 5),
                new PoolEntry("E4", 2), new PoolEntry("E5", 1));

        DrawResult result = draw("2023-ORD-01/ENTERPRISE", pool, 7, seedOf("five"));

        assertThat(result.winnerCodes()).containsExactly("E2", "E5", "E1", "E3", "E4");
        assertThat(result.winners()).extracting(Winner::sequence).containsExactly(1, 2, 3, 4, 5);
        assertThat(result.k()).isEqualTo(7);
        assertThat(draw("2023-ORD-01/ENTERPRISE", pool, 5, seedOf("five")).winners()).isEqualTo(result.winners());
    }

    @Test
    void drawsNobodyWhenKIsZeroOrThePoolIsEmpty() {
        assertThat(draw("2023-ORD-02/PERSONAL", TEN, 0, sequentialSeed()).winners()).isEmpty();

        DrawResult empty = draw("2023-ORD-02/ENTERPRISE", Pool.of(List.of()), 5, sequentialSeed());

        assertThat(empty.winners()).isEmpty();
        assertThat(empty.entryCount()).isZero();
        assertThat(empty.totalWeight()).isZero();
    }

    @Test
    void rejectionSamplingFollowsTheReference() {
        // T = floor(2^64 / 3) + 2 = 6148914691236517207, 2^64 mod T = T - 5: about a third of the numbers rejected;
        // the reference saw 3 rejected attempts for this seed
        Pool pool = Pool.of(new PoolEntry("BIG", 1L << 62), new PoolEntry("REST", 6148914691236517206L - (1L << 62)),
                new PoolEntry("ONE", 1));
        assertThat(pool.totalWeight()).isEqualTo(6148914691236517207L);
        assertThat(TicketSource.twoTo64Mod(pool.totalWeight())).isEqualTo(6148914691236517202L);

        DrawResult result = draw("2023-ORD-03/PERSONAL", pool, 3, seedOf("reject-5"));

        assertThat(result.winnerCodes()).containsExactly("BIG", "REST", "ONE");
    }

    @Test
    void aLargerPoolMatchesTheReference() {
        Pool pool = DrawFixtures.generatedPool(2000);
        assertThat(pool.digest()).isEqualTo("4510249baa7a56ec124d53b4c898d2d36c6448b002023e354fe6db48b921211a");
        assertThat(pool.totalWeight()).isEqualTo(97966);

        DrawResult result = draw("2023-ORD-05/PERSONAL", pool, 50, seedOf("generated"));

        assertThat(result.winnerCodes().subList(0, 10)).containsExactly("G01300", "G00962", "G00208", "G00057",
                "G01766", "G00857", "G01989", "G01619", "G01018", "G01376");
        String allWinners = String.join("", result.winnerCodes().stream().map(code -> code + "\n").toList());
        assertThat(SeedCommitment.toHex(Sha256.hash(allWinners.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("688798f9a4fe444653cee5634a620ac6470477507b789aceee63f3fd79df08b6");
    }

    @Test
    void agreesWithANaiveImplementationOnRandomPools() {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 40; round++) {
            int n = 1 + random.nextInt(60);
            List<PoolEntry> entries = IntStream.range(0, n)
                    .mapToObj(e -> new PoolEntry("R" + random.nextInt(1_000_000) + "-" + e, 1 + random.nextLong(1000)))
                    .toList();
            Pool pool = Pool.of(entries);
            int k = random.nextInt(n + 3);
            byte[] seed = seedOf("random-" + round);

            assertThat(draw("2023-ORD-01/PERSONAL", pool, k, seed).winnerCodes())
                    .isEqualTo(NaiveDraw.winners("2023-ORD-01/PERSONAL", pool, k, seed, Integer.MAX_VALUE));
        }
    }

    @Test
    void refusesASeedThatDoesNotHashToTheCommitment() {
        byte[] seed = sequentialSeed();
        String commitment = SeedCommitment.commit(seed);
        byte[] other = seed.clone();
        other[0] ^= 1;

        assertThatThrownBy(() -> LotteryDraw.draw("2023-ORD-02/PERSONAL", TEN, 4, other, commitment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refused")
                .hasMessageContaining("does not hash to the published commitment");
        assertThatThrownBy(() -> LotteryDraw.draw("2023-ORD-02/PERSONAL", TEN, 4, seed, "00".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LotteryDraw.draw("2023-ORD-02/PERSONAL", TEN, 4, seed, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesASeedThatIsNot32Bytes() {
        byte[] shortSeed = new byte[31];
        String commitment = SeedCommitment.toHex(Sha256.hash(shortSeed)); // a commitment to the wrong-length seed

        assertThatThrownBy(() -> LotteryDraw.draw("2023-ORD-02/PERSONAL", TEN, 4, shortSeed, commitment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void refusesANegativeKAndABadDrawId() {
        byte[] seed = sequentialSeed();
        String commitment = SeedCommitment.commit(seed);

        assertThatThrownBy(() -> LotteryDraw.draw("2023-ORD-02/PERSONAL", TEN, -1, seed, commitment))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LotteryDraw.draw("", TEN, 1, seed, commitment))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LotteryDraw.draw("a\0b", TEN, 1, seed, commitment))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEntryOfWeightThreeWinsAboutThreeTimesAsOftenAsOneOfWeightOne() {
        Pool pool = Pool.of(new PoolEntry("LIGHT", 1), new PoolEntry("HEAVY", 3));
        int draws = 4000;
        int heavy = 0;
        for (int n = 0; n < draws; n++) {
            if (draw("2023-ORD-01/PERSONAL", pool, 1, seedOf("fair-" + n)).winnerCodes().get(0).equals("HEAVY")) {
                heavy++;
            }
        }
        int light = draws - heavy;

        // expected 3000 : 1000; the standard deviation of the heavy count is about 27
        assertThat(heavy).isBetween(2850, 3150);
        assertThat((double) heavy / light).isBetween(2.5, 3.6);
    }
}
