package org.yaohao.query.application;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.ApplicationStatus;
import org.yaohao.kernel.application.FindRecommendationQuery;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.RecommendationView;
import org.yaohao.kernel.application.RecommendationView.TypeEstimate;
import org.yaohao.kernel.policy.AllocationMethod;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.query.application.ScheduledRoundReader.NextRound;
import org.yaohao.query.application.ScheduledRoundReader.PlannedPool;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers {@link FindRecommendationQuery} (rule book, Lifecycle step 3, reading "computed from the live pool sizes
 * and quotas"): for each quota type, the next round with status SCHEDULED or SEED_COMMITTED, the live pool the
 * application would enter there (the PREQUALIFIED applications of that type and pool, the application itself
 * counted in whichever type it is in now) and its chance in that round.
 * <ul>
 *     <li>Lottery (ordinary PERSONAL and ENTERPRISE, new-energy ENTERPRISE): quota k, own weight w, pool total W:
 *     1 − (1 − w/W)^k, 1 when the entries are no more than k. Individual weight 10 × step, step = 1 + ⌊ordinary
 *     rounds entered without winning ÷ 5⌋; family weight = the points in tenths of its latest frozen entry, else the
 *     guide's base points 35 + 15 × (generations − 1); an enterprise one entry of weight 1 per requested quota.</li>
 *     <li>Ranking (new-energy FAMILY by points then valid time, INDIVIDUAL by valid time): 1 when the position is
 *     within the quota (INDIVIDUAL: plus the family quota the live family pool leaves unused), else 0.</li>
 * </ul>
 * Exact decimal arithmetic throughout ({@link MathContext#DECIMAL128}); the percentage is rounded half up to one
 * decimal. An estimate from today's pool, not a forecast: the pool changes until the cut-off.
 */
@Component
class RecommendationQueryHandler {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ApplicationStatusRepository applications;
    private final ScheduledRoundReader rounds;

    RecommendationQueryHandler(ApplicationStatusRepository applications, ScheduledRoundReader rounds) {
        this.applications = applications;
        this.rounds = rounds;
    }

    @QueryHandler
    Optional<RecommendationView> handle(FindRecommendationQuery query) {
        return applications.find(query.code().value()).map(this::recommend);
    }

    private RecommendationView recommend(ApplicationStatusDocument self) {
        List<ApplicationStatusDocument> others = applications.findByStatus(ApplicationStatus.PREQUALIFIED).stream()
                                                             .filter(d -> !d.code().equals(self.code()))
                                                             .toList();
        Set<String> assumptions = new LinkedHashSet<>();
        assumptions.add("Live pools: the PREQUALIFIED applications of each type today, this application counted in "
                        + "both types as if it switched; the pools may change until the cut-off.");
        if (self.status() != ApplicationStatus.PREQUALIFIED) {
            assumptions.add("This application is " + self.status()
                            + ": the estimate assumes it would be a valid code at the cut-off.");
        }
        List<Estimate> estimates = List.of(estimate(self, QuotaType.ORDINARY, others, assumptions),
                                           estimate(self, QuotaType.NEW_ENERGY, others, assumptions));
        QuotaType current = self.quotaType() == null ? QuotaType.ORDINARY : self.quotaType();
        Estimate ordinary = estimates.get(0);
        Estimate newEnergy = estimates.get(1);
        QuotaType recommended;
        String reason;
        if (ordinary.chance() == null && newEnergy.chance() == null) {
            recommended = null;
            reason = "No round is scheduled for either quota type: no recommendation.";
        } else if (ordinary.chance() == null || newEnergy.chance() == null) {
            Estimate known = ordinary.chance() == null ? newEnergy : ordinary;
            Estimate unknown = known == ordinary ? newEnergy : ordinary;
            recommended = known.view().quotaType();
            reason = recommended + ": " + known.view().chancePercent() + "% in round " + known.view().roundId()
                     + "; the chance for " + unknown.view().quotaType() + " is unknown ("
                     + unknown.view().note() + ").";
        } else {
            int order = ordinary.chance().compareTo(newEnergy.chance());
            Estimate better = order == 0 ? (current == QuotaType.ORDINARY ? ordinary : newEnergy)
                                         : order > 0 ? ordinary : newEnergy;
            Estimate other = better == ordinary ? newEnergy : ordinary;
            recommended = better.view().quotaType();
            reason = order == 0
                    ? "Equal chances (" + better.view().chancePercent() + "%) in both types: stay with " + current + "."
                    : recommended + ": " + better.view().chancePercent() + "% in round " + better.view().roundId()
                      + " against " + other.view().chancePercent() + "% for " + other.view().quotaType()
                      + " in round " + other.view().roundId() + ".";
        }
        return new RecommendationView(self.code(), self.quotaType(), recommended, reason,
                                      estimates.stream().map(Estimate::view).toList(), new ArrayList<>(assumptions));
    }

    /** The view and the exact chance (0 … 1) behind its percentage, {@code null} when unknown. */
    private record Estimate(TypeEstimate view, BigDecimal chance) {
    }

    private Estimate estimate(ApplicationStatusDocument self, QuotaType type, List<ApplicationStatusDocument> others,
                              Set<String> assumptions) {
        PoolKind poolKind = pool(type, self.kind());
        Optional<NextRound> next = rounds.next(type);
        if (next.isEmpty()) {
            return unknown(type, null, poolKind, "no round scheduled");
        }
        NextRound round = next.get();
        Optional<PlannedPool> planned = round.pool(poolKind);
        if (planned.isEmpty()) {
            return unknown(type, round.roundId(), poolKind, "round " + round.roundId() + " has no " + poolKind + " pool");
        }
        PlannedPool plan = planned.get();
        List<Contender> pool = new ArrayList<>();
        Contender me = contender(self, assumptions, true);
        pool.add(me);
        others.stream()
              .filter(d -> d.quotaType() == type && pool(type, d.kind()) == poolKind)
              .map(d -> contender(d, assumptions, false))
              .forEach(pool::add);
        int entries = pool.stream().mapToInt(Contender::entries).sum();
        if (plan.method() == AllocationMethod.LOTTERY) {
            long ownWeight = lotteryWeight(me, poolKind);
            long totalWeight = pool.stream().mapToLong(c -> lotteryWeight(c, poolKind)).sum();
            BigDecimal chance;
            String note;
            if (entries <= plan.quota()) {
                chance = BigDecimal.ONE;
                note = "lottery: " + entries + " entries for " + plan.quota() + " quotas, every entry wins";
            } else {
                BigDecimal miss = BigDecimal.ONE.subtract(BigDecimal.valueOf(ownWeight)
                                                                    .divide(BigDecimal.valueOf(totalWeight), MC));
                chance = BigDecimal.ONE.subtract(miss.pow(plan.quota(), MC)).min(BigDecimal.ONE);
                note = "lottery: 1 - (1 - " + ownWeight + "/" + totalWeight + ")^" + plan.quota();
            }
            return new Estimate(new TypeEstimate(type, round.roundId(), poolKind.name(), plan.method().name(),
                                                 plan.quota(), entries, totalWeight, ownWeight, null,
                                                 percent(chance), note), chance);
        }
        int places = plan.quota();
        String note = "ranking: chance 100% within the quota, else 0%";
        if (poolKind == PoolKind.INDIVIDUAL && type == QuotaType.NEW_ENERGY) {
            long families = others.stream().filter(d -> d.quotaType() == type && d.kind() == ApplicantKind.FAMILY)
                                  .count() + (self.kind() == ApplicantKind.FAMILY ? 1 : 0);
            int familyQuota = round.pool(PoolKind.FAMILY).map(PlannedPool::quota).orElse(0);
            long unused = Math.max(0, familyQuota - families);
            if (unused > 0) {
                places += (int) unused;
                note += "; " + unused + " family quota(s) left unused by the live family pool pass to this pool";
            }
        }
        Comparator<Contender> byValidTime = Comparator.comparing(Contender::validSince,
                                                                 Comparator.nullsLast(Comparator.naturalOrder()));
        Comparator<Contender> order = poolKind == PoolKind.FAMILY
                ? Comparator.comparingLong(Contender::pointsTenths).reversed().thenComparing(byValidTime)
                : byValidTime;
        List<Contender> ranked = pool.stream().sorted(order.thenComparing(Contender::code)).toList();
        int position = ranked.indexOf(me) + 1;
        BigDecimal chance = position <= places ? BigDecimal.ONE : BigDecimal.ZERO;
        return new Estimate(new TypeEstimate(type, round.roundId(), poolKind.name(), plan.method().name(),
                                             plan.quota(), entries, null, null, position, percent(chance), note),
                            chance);
    }

    private static Estimate unknown(QuotaType type, String roundId, PoolKind pool, String note) {
        return new Estimate(new TypeEstimate(type, roundId, pool.name(), null, null, null, null, null, null, null,
                                             note), null);
    }

    /** The pool an applicant of this kind enters in a round of this type (rule book, 2023 plan). */
    private static PoolKind pool(QuotaType type, ApplicantKind kind) {
        if (kind == ApplicantKind.ENTERPRISE) {
            return PoolKind.ENTERPRISE;
        }
        if (type == QuotaType.ORDINARY) {
            return PoolKind.PERSONAL;
        }
        return kind == ApplicantKind.FAMILY ? PoolKind.FAMILY : PoolKind.INDIVIDUAL;
    }

    /** One application in a live pool; {@code pointsTenths} only for a family, {@code step} only for an individual. */
    private record Contender(String code, ApplicantKind kind, int entries, int step, long pointsTenths,
                             Instant validSince) {
    }

    private static long lotteryWeight(Contender c, PoolKind pool) {
        if (pool == PoolKind.ENTERPRISE) {
            return c.entries();
        }
        return c.kind() == ApplicantKind.FAMILY ? c.pointsTenths() : 10L * c.step();
    }

    private Contender contender(ApplicationStatusDocument d, Set<String> assumptions, boolean self) {
        int entries = d.kind() == ApplicantKind.ENTERPRISE && d.enterprise() != null
                ? Math.max(1, d.enterprise().requestedQuotas()) : 1;
        long points = 0;
        int step = 1;
        if (d.kind() == ApplicantKind.FAMILY) {
            Optional<Long> frozen = frozenFamilyWeight(d);
            if (frozen.isPresent()) {
                points = frozen.get();
                if (self) {
                    assumptions.add("Family points: " + BigDecimal.valueOf(points, 1).toPlainString()
                                    + ", from this application's latest frozen entry (weight " + points + ").");
                }
            } else {
                int generations = Math.max(1, d.generations());
                points = 10L * (35 + 15L * (generations - 1));
                assumptions.add(self
                        ? "Family points unknown to the query side: assumed the guide's base points "
                          + "35 + 15 x (generations - 1) = " + points / 10 + " (weight " + points + ")."
                        : "Other families without a frozen entry are assumed to have the guide's base points.");
            }
        } else if (d.kind() == ApplicantKind.INDIVIDUAL) {
            long missed = d.rounds().stream()
                           .filter(r -> r.roundId().contains("-ORD-"))
                           .filter(r -> Boolean.FALSE.equals(r.drawn(applications::isDrawn)))
                           .count();
            step = 1 + (int) (missed / 5);
            if (self) {
                assumptions.add("Individual lottery step " + step + " (" + missed
                                + " earlier ordinary round(s) entered without winning).");
            }
        }
        return new Contender(d.code(), d.kind(), entries, step, points,
                             d.prequalification() == null ? null : d.prequalification().decidedAt());
    }

    /** A family's points in tenths: the weight of its latest frozen entry in a PERSONAL or FAMILY pool. */
    private static Optional<Long> frozenFamilyWeight(ApplicationStatusDocument d) {
        for (int i = d.rounds().size() - 1; i >= 0; i--) {
            RoundEntry round = d.rounds().get(i);
            if (round.pool() == PoolKind.PERSONAL || round.pool() == PoolKind.FAMILY) {
                Optional<Long> weight = round.entries().stream().map(RoundEntry.Entry::weight)
                                             .filter(w -> w != null && w > 0).findFirst();
                if (weight.isPresent()) {
                    return weight;
                }
            }
        }
        return Optional.empty();
    }

    private static String percent(BigDecimal chance) {
        return chance.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
