package org.yaohao.kernel.draw;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lottery is fair: over many one-winner draws of a small weighted pool, with independent seeds, each entry
 * wins in proportion to its weight. Pearson's chi-square statistic against the expected counts stays below the
 * critical value for 4 degrees of freedom at p = 0.001 (18.47). The seeds are fixed, so the test is repeatable.
 */
class LotteryFairnessTest {

    @Test
    void entriesWinInProportionToTheirWeight() throws Exception {
        long[] weights = {1, 2, 3, 4, 10};
        Pool pool = Pool.of(new PoolEntry("A", 1), new PoolEntry("B", 2), new PoolEntry("C", 3),
                new PoolEntry("D", 4), new PoolEntry("E", 10));
        int draws = 20_000;
        long[] wins = new long[weights.length];
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (int n = 0; n < draws; n++) {
            byte[] seed = sha256.digest(("fairness seed " + n).getBytes(StandardCharsets.UTF_8));
            String winner = LotteryDraw.draw("fairness/POOL", pool, 1, seed, SeedCommitment.commit(seed))
                    .winners().get(0).code();
            wins[winner.charAt(0) - 'A']++;
        }
        double chiSquare = 0;
        for (int i = 0; i < weights.length; i++) {
            double expected = draws * (double) weights[i] / pool.totalWeight();
            chiSquare += (wins[i] - expected) * (wins[i] - expected) / expected;
        }
        assertThat(chiSquare).as("chi-square over %s wins", java.util.Arrays.toString(wins)).isLessThan(18.47);
    }

    @Test
    void theWinnersOrderDoesNotFavourAPositionInThePool() throws Exception {
        // ten equal entries, three winners: every entry is among the winners about 30 % of the time
        PoolEntry[] entries = new PoolEntry[10];
        for (int i = 0; i < 10; i++) {
            entries[i] = new PoolEntry("E" + i, 1);
        }
        Pool pool = Pool.of(entries);
        int draws = 10_000;
        long[] wins = new long[10];
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (int n = 0; n < draws; n++) {
            byte[] seed = sha256.digest(("order seed " + n).getBytes(StandardCharsets.UTF_8));
            for (Winner winner : LotteryDraw.draw("fairness/ORDER", pool, 3, seed, SeedCommitment.commit(seed)).winners()) {
                wins[winner.code().charAt(1) - '0']++;
            }
        }
        double expected = draws * 3 / 10.0;
        double chiSquare = 0;
        for (long count : wins) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        // 9 degrees of freedom, p = 0.001
        assertThat(chiSquare).as("chi-square over %s", java.util.Arrays.toString(wins)).isLessThan(27.88);
    }
}
