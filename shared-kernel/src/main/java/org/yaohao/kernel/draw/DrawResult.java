package org.yaohao.kernel.draw;

import java.util.List;

/**
 * What a lottery draw records and publishes ({@code docs/draw-algorithm.md}, Output): the draw id, the algorithm
 * ({@code v1}), the revealed seed (lowercase hex) and its commitment, the pool digest, the entry count and total
 * weight of the pool, the number of quotas {@code k}, and the winners in draw order.
 */
public record DrawResult(
        String drawId,
        String algorithm,
        String seedHex,
        String commitment,
        String poolDigest,
        int entryCount,
        long totalWeight,
        int k,
        List<Winner> winners) {

    public DrawResult {
        requireText(drawId, "drawId");
        requireText(algorithm, "algorithm");
        requireText(seedHex, "seedHex");
        requireText(commitment, "commitment");
        requireText(poolDigest, "poolDigest");
        if (entryCount < 0 || totalWeight < 0 || k < 0) {
            throw new IllegalArgumentException("entryCount, totalWeight and k of a draw result must not be negative");
        }
        if (winners == null) {
            throw new IllegalArgumentException("a draw result needs its (possibly empty) list of winners");
        }
        winners = List.copyOf(winners);
    }

    /** The winners' codes in draw order. */
    public List<String> winnerCodes() {
        return winners.stream().map(Winner::code).toList();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a draw result needs its " + name);
        }
    }
}
