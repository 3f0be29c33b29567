package org.yaohao.kernel.policy;

import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.round.RoundId;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The numbers of one policy year, as data (rule book: "every number belongs to a policy year and lives in
 * configuration, never in code"). Events record the {@link #version()} that decided them.
 *
 * @param version                        e.g. {@code 2023-guide}
 * @param socialInsuranceMonths          consecutive months of Beijing social insurance required (60)
 * @param incomeTaxYears                 years of Beijing income tax above zero required (5)
 * @param enterpriseMinimumTaxYuan       tax an enterprise must have paid in the previous year (500,000 yuan)
 * @param enterpriseMaximumQuotas        quotas one enterprise application may request (5)
 * @param prequalificationDeadline       how long the registries have to answer before manual review (24 hours)
 * @param registryRetryInterval          how often unanswered registries are asked again before the deadline
 * @param depositOrdinaryYuan            deposit for an ordinary round (2,000 yuan)
 * @param depositNewEnergyYuan           deposit for a new-energy round (1,000 yuan)
 * @param depositInstalments             number of interest-free instalments a deposit may be paid in (3)
 * @param refundWorkingDays              working days after publication (or withdrawal) a refund is due by (7)
 * @param rounds                         the rounds of the policy year, with their pools and quotas
 * @param lotteryWeights                 the weights of lottery entries
 * @param familyPoints                   the family points formula
 * @param quotaValidityMonths            how long a quota is valid from issue (12 months)
 * @param annualQuotas                   the year's quotas per type (ordinary 30,000, new-energy 70,000); the rounds'
 *                                       pools add up to them
 */
public record Policy(String version,
                     int socialInsuranceMonths,
                     int incomeTaxYears,
                     long enterpriseMinimumTaxYuan,
                     int enterpriseMaximumQuotas,
                     Duration prequalificationDeadline,
                     Duration registryRetryInterval,
                     long depositOrdinaryYuan,
                     long depositNewEnergyYuan,
                     int depositInstalments,
                     int refundWorkingDays,
                     List<RoundPlan> rounds,
                     LotteryWeights lotteryWeights,
                     FamilyPointsRule familyPoints,
                     int quotaValidityMonths,
                     Map<QuotaType, Integer> annualQuotas) {

    public Policy {
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
        annualQuotas = annualQuotas == null ? Map.of() : Map.copyOf(annualQuotas);
    }

    /** The round of this policy with the given id, if it has one. */
    public Optional<RoundPlan> round(RoundId id) {
        return rounds.stream().filter(round -> round.id().equals(id)).findFirst();
    }
}
