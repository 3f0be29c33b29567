package org.yaohao.kernel.application;

import java.util.List;

/**
 * The recommended quota type with the numbers behind it. Codes, counts and weights only, no personal data.
 *
 * @param currentQuotaType the type the application is in now
 * @param recommended      the type with the higher estimated chance; {@code null} when no round is scheduled for
 *                         either type
 * @param reason           one line saying why
 * @param estimates        one per quota type, ORDINARY then NEW_ENERGY
 * @param assumptions      what the estimate assumes (the query side does not know family points, for instance)
 */
public record RecommendationView(String code,
                                 QuotaType currentQuotaType,
                                 QuotaType recommended,
                                 String reason,
                                 List<TypeEstimate> estimates,
                                 List<String> assumptions) {

    public RecommendationView {
        estimates = List.copyOf(estimates);
        assumptions = List.copyOf(assumptions);
    }

    /**
     * The estimate for one quota type in its next scheduled round.
     *
     * @param roundId       the next round of the type with status SCHEDULED or SEED_COMMITTED; {@code null} when none
     * @param pool          the pool the application would enter (PERSONAL, FAMILY, INDIVIDUAL or ENTERPRISE)
     * @param method        LOTTERY or RANKING
     * @param quota         the pool's quota in that round
     * @param entries       the live pool's entries, the application counted in
     * @param totalWeight   lottery: the live pool's total weight; {@code null} for a ranking
     * @param ownWeight     lottery: the application's weight (an enterprise: its entries); {@code null} for a ranking
     * @param position      ranking: the application's place in the live pool (1 = first); {@code null} for a lottery
     * @param chancePercent the estimated chance in percent with one decimal ("43.8"); {@code null} when unknown
     * @param note          how the number was reached, or why there is none
     */
    public record TypeEstimate(QuotaType quotaType,
                               String roundId,
                               String pool,
                               String method,
                               Integer quota,
                               Integer entries,
                               Long totalWeight,
                               Long ownWeight,
                               Integer position,
                               String chancePercent,
                               String note) {
    }
}
