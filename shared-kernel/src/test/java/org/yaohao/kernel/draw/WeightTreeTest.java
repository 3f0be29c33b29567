package org.yaohao.kernel.draw;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeightTreeTest {

    @Test
    void findsTheEntryWhoseRangeHoldsTheTicket() {
        WeightTree tree = new WeightTree(new long[] {1, 2, 3});

        assertThat(tree.total()).isEqualTo(6);
        assertThat(tree.find(0)).isEqualTo(0);
        assertThat(tree.find(1)).isEqualTo(1);
        assertThat(tree.find(2)).isEqualTo(1);
        assertThat(tree.find(3)).isEqualTo(2);
        assertThat(tree.find(5)).isEqualTo(2);

        tree.remove(1);

        assertThat(tree.total()).isEqualTo(4);
        assertThat(tree.remaining()).isEqualTo(2);
        assertThat(tree.find(0)).isEqualTo(0);
        assertThat(tree.find(1)).isEqualTo(2);
        assertThat(tree.find(3)).isEqualTo(2);
        assertThatThrownBy(() -> tree.find(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.remove(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void agreesWithALinearScanUnderRandomRemovals() {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.nextInt(200);
            long[] weights = new long[n];
            for (int e = 0; e < n; e++) {
                weights[e] = 1 + random.nextInt(50);
            }
            WeightTree tree = new WeightTree(weights);
            long[] linear = weights.clone();
            for (int step = 0; step < n; step++) {
                long total = 0;
                for (long w : linear) {
                    total += w;
                }
                assertThat(tree.total()).isEqualTo(total);
                long ticket = random.nextLong(total);
                int expected = linearFind(linear, ticket);

                assertThat(tree.find(ticket)).isEqualTo(expected);

                tree.remove(expected);
                linear[expected] = 0;
            }
            assertThat(tree.total()).isZero();
            assertThat(tree.remaining()).isZero();
        }
    }

    private static int linearFind(long[] weights, long ticket) {
        long running = 0;
        for (int e = 0; e < weights.length; e++) {
            if (ticket < running + weights[e]) {
                return e;
            }
            running += weights[e];
        }
        throw new AssertionError("ticket beyond total");
    }
}
