package org.yaohao.query.statistics;

import org.yaohao.kernel.policy.Policy;

import java.util.Optional;

/**
 * A band of entrants whose chances are compared: a group (the kind of application) and, within it, a band of
 * weights that means something to an applicant: an individual's step in a lottery, a family's points in bands of 10,
 * an enterprise's one entry per quota, the queue of a ranking pool.
 *
 * @param order sorts the bands of a group: the lowest weight of the band
 */
record Band(String group, String label, long order) {

    /** The band of an entry of {@code cell}, under the round's policy (its weights per step and per point). */
    static Band of(PoolCell cell, boolean lottery, Optional<Policy> policy) {
        long weight = cell.weight();
        return switch (cell.kind()) {
            case "ENTERPRISE" -> new Band("ENTERPRISE", "one entry per quota", 0);
            case "INDIVIDUAL" -> {
                if (!lottery) {
                    yield new Band("INDIVIDUAL", "queue", 0);
                }
                long perStep = policy.map(p -> (long) p.lotteryWeights().individualWeightPerStep()).orElse(0L);
                yield perStep > 0 && weight % perStep == 0
                        ? new Band("INDIVIDUAL", "step " + weight / perStep, weight / perStep)
                        : new Band("INDIVIDUAL", "weight " + weight, weight);
            }
            case "FAMILY" -> {
                long perPoint = lottery
                        ? policy.map(p -> (long) p.lotteryWeights().familyWeightPerPoint()).orElse(0L) : 10;
                if (perPoint <= 0) {
                    yield new Band("FAMILY", "weight " + weight, weight);
                }
                long lowest = weight / perPoint / 10 * 10;
                yield new Band("FAMILY", "points " + lowest + "-" + (lowest + 9), lowest);
            }
            default -> new Band(cell.kind(), "weight " + weight, weight);
        };
    }
}
