package org.yaohao.command.round;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;
import org.yaohao.command.familypoints.FamilyPointsCalculator;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.ApplicationRejectedEvent;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.ApplicationWithdrawnEvent;
import org.yaohao.kernel.application.FamilyMember;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.QuotaTypeChangedEvent;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.deposit.DepositPaidInFullEvent;
import org.yaohao.kernel.draw.Pool;
import org.yaohao.kernel.draw.PoolEntry;
import org.yaohao.kernel.familypoints.FamilyComposition;
import org.yaohao.kernel.policy.AllocationMethod;
import org.yaohao.kernel.policy.LotteryWeights;
import org.yaohao.kernel.policy.Policy;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.policy.PoolPlan;
import org.yaohao.kernel.round.PoolDrawnEvent;
import org.yaohao.kernel.round.PoolEntriesFrozenEvent;
import org.yaohao.kernel.round.PoolFrozenEvent;
import org.yaohao.kernel.round.RoundId;
import org.yaohao.kernel.round.RoundScheduledEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pools of a round as they stood at its cut-off (rule book, Allocation rounds): "every valid application of the
 * round's type and pool kind, not withdrawn, with its deposit fully paid by the cut-off; exactly the events up to
 * the cut-off count, even when events arrive during the freeze." Built from the event log alone, never from a
 * projection, so a regulator can rebuild it the same way.
 * <p>
 * Weights (2023): ordinary PERSONAL pool, individuals {@code 10 × step} with step = 1 + ⌊earlier rounds of the type
 * entered without winning ÷ 5⌋, families {@code 10 × family points}; ENTERPRISE, one entry of weight 1 per
 * requested quota ({@code code-1} … {@code code-5}). New-energy FAMILY ranks by family points (the entry's weight is
 * the points in tenths) then by when the application became valid; INDIVIDUAL is a queue by that time (weight 1).
 */
@Component
class PoolBuilder {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final EventHistory history;
    private final FamilyPointsCalculator familyPoints;

    PoolBuilder(EventHistory history, FamilyPointsCalculator familyPoints) {
        this.history = history;
        this.familyPoints = familyPoints;
    }

    /** The first instant after the cut-off day (Beijing time): events stamped before it count. */
    static Instant endOfCutOff(LocalDate cutOff) {
        return cutOff.plusDays(1).atStartOfDay(BEIJING).toInstant();
    }

    List<FrozenPool> freeze(RoundScheduledEvent round, Policy policy) {
        Instant end = endOfCutOff(round.cutOff());
        Map<ApplicationCode, Candidate> candidates = new LinkedHashMap<>();
        Map<String, Set<RoundId>> entered = new HashMap<>();
        Map<String, Set<RoundId>> won = new HashMap<>();
        history.replay(message -> {
            if (!message.getTimestamp().isBefore(end)) {
                return;
            }
            fold(message, round, candidates, entered, won);
        });

        Map<PoolKind, List<PoolFrozenEvent.Entry>> entries = new EnumMap<>(PoolKind.class);
        for (Candidate candidate : candidates.values()) {
            if (!candidate.eligibleFor(round.quotaType())) {
                continue;
            }
            PoolKind kind = poolOf(candidate.submitted.kind(), round.quotaType());
            PoolPlan plan = round.pools().stream().filter(p -> p.pool() == kind).findFirst().orElse(null);
            if (plan == null) {
                continue;
            }
            String code = candidate.submitted.code().value();
            int notWon = entered.getOrDefault(code, Set.of()).size() - won.getOrDefault(code, Set.of()).size();
            entries.computeIfAbsent(kind, k -> new ArrayList<>())
                    .addAll(entriesOf(candidate, plan, notWon, round, policy));
        }

        List<FrozenPool> frozen = new ArrayList<>();
        for (PoolPlan plan : round.pools()) {
            List<PoolFrozenEvent.Entry> poolEntries = entries.getOrDefault(plan.pool(), List.of());
            Pool pool = Pool.of(poolEntries.stream().map(e -> new PoolEntry(e.code(), e.weight())).toList());
            Map<String, PoolFrozenEvent.Entry> byCode = new HashMap<>();
            poolEntries.forEach(e -> byCode.put(e.code(), e));
            List<PoolFrozenEvent.Entry> ordered = pool.entries().stream().map(e -> byCode.get(e.code())).toList();
            frozen.add(FrozenPool.of(round.roundId(), plan.pool(), ordered, chunkCount -> new PoolFrozenEvent(round.roundId(), plan.pool(),
                    plan.method(), plan.quota(), ordered.size(), chunkCount, pool.digest(), pool.totalWeight(), end,
                    round.policyVersion())));
        }
        return frozen;
    }

    private void fold(TrackedEventMessage<?> message, RoundScheduledEvent round,
                      Map<ApplicationCode, Candidate> candidates, Map<String, Set<RoundId>> entered,
                      Map<String, Set<RoundId>> won) {
        Object payload = message.getPayload();
        if (payload instanceof ApplicationSubmittedEvent e) {
            candidates.put(e.code(), new Candidate(e));
        } else if (payload instanceof ApplicationPrequalifiedEvent e) {
            with(candidates, e.code(), c -> {
                c.prequalified = true;
                c.insuranceYears = e.socialInsuranceYears();
                if (c.validSince == null) {
                    c.validSince = e.prequalifiedAt();
                }
            });
        } else if (payload instanceof ApplicationRejectedEvent e) {
            with(candidates, e.code(), c -> c.active = false);
        } else if (payload instanceof ApplicationWithdrawnEvent e) {
            with(candidates, e.code(), c -> c.active = false);
        } else if (payload instanceof QuotaTypeChangedEvent e) {
            with(candidates, e.code(), c -> c.quotaType = e.to());
        } else if (payload instanceof DepositPaidInFullEvent e && e.roundId().equals(round.roundId())) {
            with(candidates, e.code(), c -> c.depositPaid = true);
        } else if (payload instanceof PoolEntriesFrozenEvent e && isEarlierPersonalRound(e.roundId(), e.pool(), round)) {
            e.entries().forEach(entry -> entered.computeIfAbsent(entry.code(), k -> new HashSet<>()).add(e.roundId()));
        } else if (payload instanceof PoolDrawnEvent e && isEarlierPersonalRound(e.roundId(), e.pool(), round)) {
            e.winners().forEach(w -> won.computeIfAbsent(w.code(), k -> new HashSet<>()).add(e.roundId()));
        }
    }

    private static boolean isEarlierPersonalRound(RoundId other, PoolKind pool, RoundScheduledEvent round) {
        return !other.equals(round.roundId()) && other.quotaType() == round.quotaType() && pool != PoolKind.ENTERPRISE;
    }

    private static void with(Map<ApplicationCode, Candidate> candidates, ApplicationCode code,
                             java.util.function.Consumer<Candidate> change) {
        Candidate candidate = candidates.get(code);
        if (candidate != null) {
            change.accept(candidate);
        }
    }

    static PoolKind poolOf(ApplicantKind kind, QuotaType quotaType) {
        if (kind == ApplicantKind.ENTERPRISE) {
            return PoolKind.ENTERPRISE;
        }
        if (quotaType == QuotaType.ORDINARY) {
            return PoolKind.PERSONAL;
        }
        return kind == ApplicantKind.FAMILY ? PoolKind.FAMILY : PoolKind.INDIVIDUAL;
    }

    private List<PoolFrozenEvent.Entry> entriesOf(Candidate candidate, PoolPlan plan, int notWon,
                                                  RoundScheduledEvent round, Policy policy) {
        ApplicationSubmittedEvent submitted = candidate.submitted;
        String code = submitted.code().value();
        LotteryWeights weights = policy.lotteryWeights();
        int step = 1 + notWon / weights.stepDivisor();
        return switch (submitted.kind()) {
            case ENTERPRISE -> {
                List<PoolFrozenEvent.Entry> quotas = new ArrayList<>();
                for (int i = 1; i <= submitted.enterprise().requestedQuotas(); i++) {
                    quotas.add(new PoolFrozenEvent.Entry(code + "-" + i, 1, candidate.validSince));
                }
                yield quotas;
            }
            case INDIVIDUAL -> List.of(new PoolFrozenEvent.Entry(code,
                    plan.method() == AllocationMethod.LOTTERY ? (long) weights.individualWeightPerStep() * step : 1,
                    candidate.validSince));
            case FAMILY -> {
                long tenths = familyPoints.calculate(
                        composition(submitted, candidate.insuranceYears, notWon, step, round), policy).totalTenths();
                long weight = plan.method() == AllocationMethod.LOTTERY
                        ? Math.max(1, weights.familyWeightPerPoint() * tenths / 10) : Math.max(1, tenths);
                yield List.of(new PoolFrozenEvent.Entry(code, weight, candidate.validSince));
            }
        };
    }

    /**
     * The family as the points formula needs it, each person with the social insurance years the pre-qualification
     * recorded (0 where the registry was not asked, or for a revision-1 event that did not record them).
     */
    private static FamilyComposition composition(ApplicationSubmittedEvent submitted,
                                                 List<Integer> insuranceYears, int notWon, int step,
                                                 RoundScheduledEvent round) {
        LocalDate cutOff = round.cutOff();
        List<FamilyComposition.Member> members = new ArrayList<>();
        members.add(new FamilyComposition.Member(FamilyComposition.Role.MAIN,
                submitted.applicant().idNumber().adultOn(cutOff), yearsOf(insuranceYears, 0), step));
        for (int i = 0; i < submitted.members().size(); i++) {
            FamilyMember member = submitted.members().get(i);
            members.add(new FamilyComposition.Member(FamilyComposition.Role.valueOf(member.relation().name()),
                    member.person().idNumber().adultOn(cutOff), yearsOf(insuranceYears, i + 1), step));
        }
        int years = Period.between(LocalDate.ofInstant(submitted.submittedAt(), BEIJING), cutOff).getYears();
        return new FamilyComposition(submitted.generations(), members, notWon, Math.max(0, years));
    }

    private static int yearsOf(List<Integer> insuranceYears, int person) {
        return person < insuranceYears.size() ? insuranceYears.get(person) : 0;
    }

    private static final class Candidate {
        final ApplicationSubmittedEvent submitted;
        QuotaType quotaType;
        boolean prequalified;
        boolean active = true;
        boolean depositPaid;
        Instant validSince;
        List<Integer> insuranceYears = List.of();

        Candidate(ApplicationSubmittedEvent submitted) {
            this.submitted = submitted;
            this.quotaType = submitted.quotaType();
        }

        boolean eligibleFor(QuotaType type) {
            return active && prequalified && depositPaid && quotaType == type;
        }
    }
}
