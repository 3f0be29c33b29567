package org.yaohao.query.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Chances as the statistics state them: a share in [0, 1] to six decimals, {@code null} when nothing was counted. */
final class Chances {

    private Chances() {
    }

    /** {@code part / whole}, or {@code null} when {@code whole} is 0. */
    static Double share(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    static Double ratio(Double a, Double b) {
        return a == null || b == null || b == 0 ? null : round(a / b);
    }

    static Double round(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
    }

    static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** One group of entries of one weight in a lottery pool, for {@link #expected}. */
    record Cell(long entries, long weight) {
    }

    /**
     * The chance of one entry of each weight in a weighted draw of {@code k} winners without replacement
     * (draw-algorithm.md), approximated by {@code 1 − e^(−λ·w)} with {@code λ} such that the chances add up to the
     * number of winners: exact when every entry weighs the same, close for a large pool.
     *
     * @return the parameter {@code λ} ({@link Double#POSITIVE_INFINITY} when every entry wins)
     */
    static double lambda(List<Cell> cells, long k) {
        long entries = cells.stream().mapToLong(Cell::entries).sum();
        if (k >= entries) {
            return Double.POSITIVE_INFINITY;
        }
        if (k <= 0) {
            return 0;
        }
        double low = 0;
        double high = 1;
        while (expectedWinners(cells, high) < k) {
            high *= 2;
        }
        for (int i = 0; i < 200; i++) {
            double middle = (low + high) / 2;
            if (expectedWinners(cells, middle) < k) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    static double expected(double lambda, long weight) {
        return Double.isInfinite(lambda) ? 1 : -Math.expm1(-lambda * weight);
    }

    private static double expectedWinners(List<Cell> cells, double lambda) {
        return cells.stream().mapToDouble(c -> c.entries() * expected(lambda, c.weight())).sum();
    }
}
