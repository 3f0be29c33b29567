package org.yaohao.kernel.draw;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A city-sized pool: 3,000,000 entries, 30,000 quotas. Correctness is asserted; the time is only printed. */
class LotteryDrawScaleTest {

    private static final int ENTRIES = 3_000_000;
    private static final int QUOTAS = 30_000;

    @Test
    void drawsThirtyThousandWinnersFromThreeMillionEntries() {
        List<PoolEntry> entries = new ArrayList<>(ENTRIES);
        for (int n = ENTRIES - 1; n >= 0; n--) { // reverse order, so freezing really sorts
            entries.add(new PoolEntry(code(n), 10L * (1 + n % 7)));
        }
        long frozenAt = System.nanoTime();
        Pool pool = Pool.of(entries);
        long drawnAt = System.nanoTime();
        byte[] seed = DrawFixtures.seedOf("scale");

        DrawResult result = DrawFixtures.draw("2023-ORD-02/PERSONAL", pool, QUOTAS, seed);

        long doneAt = System.nanoTime();
        System.out.printf("pool of %,d frozen in %d ms; %,d winners drawn in %d ms%n",
                ENTRIES, (drawnAt - frozenAt) / 1_000_000, QUOTAS, (doneAt - drawnAt) / 1_000_000);

        assertThat(pool.size()).isEqualTo(ENTRIES);
        assertThat(pool.entry(0).code()).isEqualTo(code(0));
        assertThat(pool.entry(ENTRIES - 1).code()).isEqualTo(code(ENTRIES - 1));
        assertThat(result.entryCount()).isEqualTo(ENTRIES);
        assertThat(result.totalWeight()).isEqualTo(pool.totalWeight());
        assertThat(result.winners()).hasSize(QUOTAS);
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < QUOTAS; i++) {
            Winner winner = result.winners().get(i);
            assertThat(winner.sequence()).isEqualTo(i + 1);
            assertThat(winner.code()).matches("P\\d{8}");
            assertThat(Integer.parseInt(winner.code().substring(1))).isBetween(0, ENTRIES - 1);
            distinct.add(winner.code());
        }
        assertThat(distinct).hasSize(QUOTAS);
        assertThat(result.winnerCodes().subList(0, 5))
                .isEqualTo(NaiveDraw.winners("2023-ORD-02/PERSONAL", pool, QUOTAS, seed, 5));
        // heavier entries win more often: weight 70 against weight 10, entries equally many
        long heaviest = result.winnerCodes().stream().filter(c -> Integer.parseInt(c.substring(1)) % 7 == 6).count();
        long lightest = result.winnerCodes().stream().filter(c -> Integer.parseInt(c.substring(1)) % 7 == 0).count();
        assertThat((double) heaviest / lightest).isBetween(6.0, 8.0);
    }

    private static String code(int n) {
        String digits = Integer.toString(n);
        return "P" + "0".repeat(8 - digits.length()) + digits;
    }
}
