package org.yaohao.kernel.draw;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The normative lottery, draw algorithm {@code v1} ({@code docs/draw-algorithm.md}), followed bit for bit.
 * <p>
 * The revealed seed must be 32 bytes and hash to the commitment published before the pool was frozen, otherwise
 * the draw is refused. Then, for draw index {@code i = 0, 1, …} while fewer than {@code k} winners are drawn and
 * entries remain: a number {@code r} in {@code [0, T)} is derived from the seed, the draw id and {@code i}
 * by SHA-256 with rejection sampling ({@code T} the total weight not yet drawn), and winner {@code i + 1} is the
 * entry whose range {@code [C(e−1), C(e))} of the running sum of remaining weights, in pool order, holds {@code r};
 * it is removed before the next index. If {@code k} is at least the number of entries every entry wins, in the
 * order the draw defines.
 * <p>
 * A Fenwick tree makes each step {@code O(log n)}: 3,000,000 entries and 30,000 winners take well under a second.
 */
public final class LotteryDraw {

    /** The algorithm version recorded with every draw made by this class. */
    public static final String ALGORITHM = "v1";

    private LotteryDraw() {
    }

    /**
     * Draws up to {@code k} winners from {@code pool}.
     *
     * @param drawId     {@code <roundId>/<poolName>}, e.g. {@code 2023-ORD-02/PERSONAL}; hashed as UTF-8
     * @param pool       the frozen pool
     * @param k          the number of quotas of the pool, at least 0
     * @param seed       the revealed 32-byte seed
     * @param commitment the commitment published before the freeze, lowercase hex SHA-256 of the seed
     * @throws IllegalArgumentException if the seed is not 32 bytes or does not hash to the commitment, if {@code k}
     *                                  is negative, or if the draw id is empty or not well-formed
     */
    public static DrawResult draw(String drawId, Pool pool, int k, byte[] seed, String commitment) {
        requireDrawId(drawId);
        if (pool == null) {
            throw new IllegalArgumentException("a draw needs a pool");
        }
        if (k < 0) {
            throw new IllegalArgumentException("the number of quotas k must not be negative, was " + k);
        }
        SeedCommitment.requireSeed(seed);
        if (commitment == null || !SeedCommitment.matches(seed, commitment)) {
            throw new IllegalArgumentException("draw " + drawId + " refused: the revealed seed does not hash to "
                    + "the published commitment " + commitment);
        }

        long[] weights = new long[pool.size()];
        for (int e = 0; e < weights.length; e++) {
            weights[e] = pool.entry(e).weight();
        }
        WeightTree remaining = new WeightTree(weights);
        TicketSource tickets = new TicketSource(seed, drawId);
        List<Winner> winners = new ArrayList<>(Math.min(k, pool.size()));
        for (int i = 0; winners.size() < k && remaining.remaining() > 0; i++) {
            long r = tickets.next(i, remaining.total()).number();
            int e = remaining.find(r);
            remaining.remove(e);
            winners.add(new Winner(i + 1, pool.entry(e).code()));
        }
        return new DrawResult(drawId, ALGORITHM, SeedCommitment.toHex(seed), commitment.toLowerCase(Locale.ROOT),
                pool.digest(), pool.size(), pool.totalWeight(), k, winners);
    }

    private static void requireDrawId(String drawId) {
        if (drawId == null || drawId.isEmpty()) {
            throw new IllegalArgumentException("a draw needs a draw id <roundId>/<poolName>");
        }
        if (drawId.indexOf('\0') >= 0 || !CodeOrder.isWellFormed(drawId)) {
            throw new IllegalArgumentException("a draw id must be well-formed Unicode without U+0000");
        }
    }
}
