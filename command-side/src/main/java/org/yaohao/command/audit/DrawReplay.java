package org.yaohao.command.audit;

import org.yaohao.command.familypoints.FamilyPointsCalculator;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.ApplicationRejectedEvent;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.ApplicationWithdrawnEvent;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.QuotaTypeChangedEvent;
import org.yaohao.kernel.deposit.DepositPaidInFullEvent;
import org.yaohao.kernel.draw.DrawResult;
import org.yaohao.kernel.draw.DrawVerification;
import org.yaohao.kernel.draw.LotteryDraw;
import org.yaohao.kernel.draw.Pool;
import org.yaohao.kernel.draw.PoolEntry;
import org.yaohao.kernel.draw.RankedEntry;
import org.yaohao.kernel.draw.RankingAllocation;
import org.yaohao.kernel.draw.SeedCommitment;
import org.yaohao.kernel.draw.VerificationReport;
import org.yaohao.kernel.draw.Winner;
import org.yaohao.kernel.familypoints.FamilyComposition;
import org.yaohao.kernel.policy.AllocationMethod;
import org.yaohao.kernel.policy.Policy;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.policy.PoolPlan;
import org.yaohao.kernel.round.PoolDrawnEvent;
import org.yaohao.kernel.round.PoolEntriesFrozenEvent;
import org.yaohao.kernel.round.PoolFrozenEvent;
import org.yaohao.kernel.round.RoundId;
import org.yaohao.kernel.round.RoundScheduledEvent;
import org.yaohao.kernel.round.SeedCommittedEvent;

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
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Verifies one recorded draw from the raw event history alone, the way a regulator would with nothing but the log:
 * the pool is rebuilt from the application, deposit and earlier round events as of the freeze by the rule book's pool
 * rules (domain-rules.md, Allocation rounds: every valid application of the round's type and pool, not withdrawn,
 * with the round's deposit fully paid, exactly the events stamped up to the end of the cut-off day; individuals
 * {@code 10 × step}, families {@code 10 × family points}, enterprises one entry of weight 1 per quota),
 * compared entry by entry with the frozen chunks, then the digest, the seed against the commitment published before
 * the freeze, the quota, and finally the draw re-run and the winners compared in order.
 * <p>
 * Written apart from the command side's freeze and draw ({@code PoolBuilder}, {@code AllocationRound}) on purpose: a
 * mistake there is not repeated here. Shared, because they are normative: the lottery ({@link LotteryDraw} and
 * {@link DrawVerification}, docs/draw-algorithm.md), the ranking order ({@link RankingAllocation}) and the policy's
 * family points formula ({@link FamilyPointsCalculator}).
 * <p>
 * Feed it every event of the log in order ({@link #accept}), then ask {@link #verify()}.
 */
public final class DrawReplay {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final RoundId roundId;
    private final PoolKind pool;
    private final Function<String, Policy> policies;
    private final FamilyPointsCalculator familyPoints;

    /** Facts about applications and earlier rounds up to the freeze, judged against the cut-off once it is known. */
    private final List<Fact> facts = new ArrayList<>();
    private boolean frozen;
    private RoundScheduledEvent scheduled;
    private String committed;
    private final List<PoolFrozenEvent.Entry> frozenEntries = new ArrayList<>();
    private PoolFrozenEvent head;
    private final Map<PoolKind, PoolDrawnEvent> drawn = new EnumMap<>(PoolKind.class);

    private record Fact(Instant at, Object payload) {
    }

    public DrawReplay(RoundId roundId, PoolKind pool, Function<String, Policy> policies,
                      FamilyPointsCalculator familyPoints) {
        this.roundId = roundId;
        this.pool = pool;
        this.policies = policies;
        this.familyPoints = familyPoints;
    }

    /** The draw id of draw-algorithm.md: {@code <roundId>/<pool>}. */
    public String drawId() {
        return roundId.value() + "/" + pool.name();
    }

    /** The next event of the log. */
    public void accept(Instant timestamp, Object payload) {
        if (payload instanceof RoundScheduledEvent e && e.roundId().equals(roundId)) {
            scheduled = e;
        } else if (payload instanceof SeedCommittedEvent e && e.roundId().equals(roundId)) {
            committed = e.commitment();
        } else if (payload instanceof PoolEntriesFrozenEvent e && e.roundId().equals(roundId)) {
            frozen = true;
            if (e.pool() == pool) {
                frozenEntries.addAll(e.entries());
            }
        } else if (payload instanceof PoolFrozenEvent e && e.roundId().equals(roundId)) {
            frozen = true;
            if (e.pool() == pool) {
                head = e;
            }
        } else if (payload instanceof PoolDrawnEvent e && e.roundId().equals(roundId)) {
            drawn.put(e.pool(), e);
        } else if (!frozen && counts(payload)) {
            facts.add(new Fact(timestamp, payload));
        }
    }

    /** Whether the pool was drawn: without a draw there is nothing to verify. */
    public boolean wasDrawn() {
        return drawn.containsKey(pool);
    }

    /** The payload types a replay reads; the others can be skipped without reading them. */
    public static final Set<Class<?>> TYPES_READ = Set.of(RoundScheduledEvent.class, SeedCommittedEvent.class,
            PoolEntriesFrozenEvent.class, PoolFrozenEvent.class, PoolDrawnEvent.class,
            ApplicationSubmittedEvent.class, ApplicationPrequalifiedEvent.class, ApplicationRejectedEvent.class,
            ApplicationWithdrawnEvent.class, QuotaTypeChangedEvent.class, DepositPaidInFullEvent.class);

    private static boolean counts(Object payload) {
        return payload instanceof ApplicationSubmittedEvent || payload instanceof ApplicationPrequalifiedEvent
                || payload instanceof ApplicationRejectedEvent || payload instanceof ApplicationWithdrawnEvent
                || payload instanceof QuotaTypeChangedEvent || payload instanceof DepositPaidInFullEvent
                || payload instanceof PoolEntriesFrozenEvent || payload instanceof PoolDrawnEvent;
    }

    /** The verdict: {@link DrawVerificationView.Outcome#MATCH} or the first difference found. */
    public DrawVerificationView verify() {
        PoolDrawnEvent recorded = drawn.get(pool);
        if (recorded == null || scheduled == null || head == null) {
            throw new IllegalStateException("draw " + drawId() + " is not in the log");
        }
        Instant end = scheduled.cutOff().plusDays(1).atStartOfDay(BEIJING).toInstant();
        Policy policy = policies.apply(scheduled.policyVersion());
        PoolPlan plan = scheduled.pools().stream().filter(p -> p.pool() == pool).findFirst()
                .orElseThrow(() -> new IllegalStateException("round " + roundId + " plans no pool " + pool));
        List<PoolFrozenEvent.Entry> rebuilt = rebuild(end, plan, policy);
        Pool lottery = Pool.of(rebuilt.stream().map(e -> new PoolEntry(e.code(), e.weight())).toList());
        Map<String, PoolFrozenEvent.Entry> byCode = new HashMap<>();
        rebuilt.forEach(e -> byCode.put(e.code(), e));
        List<PoolFrozenEvent.Entry> ordered = lottery.entries().stream().map(e -> byCode.get(e.code())).toList();
        Report report = new Report(drawId(), plan.method(), ordered.size(), lottery.digest());

        for (int i = 0; i < Math.max(ordered.size(), frozenEntries.size()); i++) {
            PoolFrozenEvent.Entry expected = i < ordered.size() ? ordered.get(i) : null;
            PoolFrozenEvent.Entry actual = i < frozenEntries.size() ? frozenEntries.get(i) : null;
            if (!Objects.equals(expected, actual)) {
                return report.difference(DrawVerificationView.Outcome.FROZEN_POOL_MISMATCH, i + 1, entry(expected),
                        entry(actual));
            }
        }
        if (!lottery.digest().equals(head.digest())) {
            return report.difference(DrawVerificationView.Outcome.POOL_DIGEST_MISMATCH, 0, lottery.digest(),
                    head.digest());
        }
        if (committed == null || !committed.equalsIgnoreCase(recorded.commitment())) {
            return report.difference(DrawVerificationView.Outcome.COMMITMENT_MISMATCH, 0, committed,
                    recorded.commitment());
        }
        byte[] seed = SeedCommitment.parseSeed(recorded.seedHex());
        if (!SeedCommitment.matches(seed, committed)) {
            return report.difference(DrawVerificationView.Outcome.COMMITMENT_MISMATCH, 0,
                    SeedCommitment.commit(seed), committed);
        }
        int quota = quota(plan);
        if (quota != recorded.quota()) {
            return report.difference(DrawVerificationView.Outcome.QUOTA_MISMATCH, 0, Integer.toString(quota),
                    Integer.toString(recorded.quota()));
        }
        List<Winner> winners = recorded.winners().stream().map(w -> new Winner(w.sequence(), w.code())).toList();
        if (plan.method() == AllocationMethod.LOTTERY) {
            VerificationReport lotteryReport = DrawVerification.verify(new DrawResult(drawId(),
                    recorded.algorithm(), recorded.seedHex(), committed, head.digest(), head.entryCount(),
                    head.totalWeight(), quota, winners), lottery, seed);
            return report.of(lotteryReport);
        }
        List<Winner> ranked = RankingAllocation.rank(ordered.stream()
                .map(e -> new RankedEntry(e.code(), e.weight(), e.validSince())).toList(), quota);
        for (int p = 0; p < Math.max(ranked.size(), winners.size()); p++) {
            Winner expected = p < ranked.size() ? ranked.get(p) : null;
            Winner actual = p < winners.size() ? winners.get(p) : null;
            if (!Objects.equals(expected, actual)) {
                return report.difference(DrawVerificationView.Outcome.WINNER_MISMATCH, p + 1,
                        expected == null ? null : expected.code(), actual == null ? null : actual.code());
            }
        }
        return report.match();
    }

    /** The pool's quota: the plan's (with what rolled over); new-energy individuals also get the families' unused. */
    private int quota(PoolPlan plan) {
        int quota = plan.quota();
        PoolDrawnEvent families = drawn.get(PoolKind.FAMILY);
        if (pool == PoolKind.INDIVIDUAL && scheduled.quotaType() == QuotaType.NEW_ENERGY && families != null) {
            quota += families.quota() - families.winners().size();
        }
        return quota;
    }

    private static String entry(PoolFrozenEvent.Entry entry) {
        return entry == null ? null : entry.code() + "," + entry.weight() + "," + entry.validSince();
    }

    /** Folds the facts stamped before the end of the cut-off day into the pool's entries. */
    private List<PoolFrozenEvent.Entry> rebuild(Instant end, PoolPlan plan, Policy policy) {
        Map<String, Applicant> applicants = new LinkedHashMap<>();
        Map<String, Set<RoundId>> entered = new HashMap<>();
        Map<String, Set<RoundId>> won = new HashMap<>();
        for (Fact fact : facts) {
            if (!fact.at().isBefore(end)) {
                continue;
            }
            Object payload = fact.payload();
            if (payload instanceof ApplicationSubmittedEvent e) {
                applicants.put(e.code().value(), new Applicant(e));
            } else if (payload instanceof ApplicationPrequalifiedEvent e) {
                Applicant a = applicants.get(e.code().value());
                if (a != null) {
                    a.prequalified = true;
                    a.insuranceYears = e.socialInsuranceYears();
                    a.validSince = a.validSince == null ? e.prequalifiedAt() : a.validSince;
                }
            } else if (payload instanceof ApplicationRejectedEvent e) {
                applicants.computeIfPresent(e.code().value(), (code, a) -> a.inactive());
            } else if (payload instanceof ApplicationWithdrawnEvent e) {
                applicants.computeIfPresent(e.code().value(), (code, a) -> a.inactive());
            } else if (payload instanceof QuotaTypeChangedEvent e) {
                applicants.computeIfPresent(e.code().value(), (code, a) -> a.type(e.to()));
            } else if (payload instanceof DepositPaidInFullEvent e && e.roundId().equals(roundId)) {
                applicants.computeIfPresent(e.code().value(), (code, a) -> a.paid());
            } else if (payload instanceof PoolEntriesFrozenEvent e && earlierOfType(e.roundId(), e.pool())) {
                e.entries().forEach(x -> entered.computeIfAbsent(x.code(), k -> new HashSet<>()).add(e.roundId()));
            } else if (payload instanceof PoolDrawnEvent e && earlierOfType(e.roundId(), e.pool())) {
                e.winners().forEach(w -> won.computeIfAbsent(w.code(), k -> new HashSet<>()).add(e.roundId()));
            }
        }
        List<PoolFrozenEvent.Entry> entries = new ArrayList<>();
        for (Applicant applicant : applicants.values()) {
            if (!applicant.entersRoundOf(scheduled.quotaType()) || poolOf(applicant) != pool) {
                continue;
            }
            String code = applicant.submitted.code().value();
            int withoutWinning = entered.getOrDefault(code, Set.of()).size() - won.getOrDefault(code, Set.of()).size();
            entries.addAll(entriesOf(applicant, plan, withoutWinning, policy));
        }
        return entries;
    }

    /** An earlier round of the same quota type, in a pool where rounds entered without winning raise the weight. */
    private boolean earlierOfType(RoundId other, PoolKind otherPool) {
        return !other.equals(roundId) && other.quotaType() == roundId.quotaType() && otherPool != PoolKind.ENTERPRISE;
    }

    private PoolKind poolOf(Applicant applicant) {
        ApplicantKind kind = applicant.submitted.kind();
        if (kind == ApplicantKind.ENTERPRISE) {
            return PoolKind.ENTERPRISE;
        }
        if (scheduled.quotaType() == QuotaType.ORDINARY) {
            return PoolKind.PERSONAL;
        }
        return kind == ApplicantKind.FAMILY ? PoolKind.FAMILY : PoolKind.INDIVIDUAL;
    }

    private List<PoolFrozenEvent.Entry> entriesOf(Applicant applicant, PoolPlan plan, int withoutWinning,
                                                  Policy policy) {
        ApplicationSubmittedEvent submitted = applicant.submitted;
        String code = submitted.code().value();
        int step = 1 + withoutWinning / policy.lotteryWeights().stepDivisor();
        boolean lottery = plan.method() == AllocationMethod.LOTTERY;
        List<PoolFrozenEvent.Entry> entries = new ArrayList<>();
        switch (submitted.kind()) {
            case ENTERPRISE -> {
                for (int quota = 1; quota <= submitted.enterprise().requestedQuotas(); quota++) {
                    entries.add(new PoolFrozenEvent.Entry(code + "-" + quota, 1, applicant.validSince));
                }
            }
            case INDIVIDUAL -> entries.add(new PoolFrozenEvent.Entry(code,
                    lottery ? (long) policy.lotteryWeights().individualWeightPerStep() * step : 1,
                    applicant.validSince));
            case FAMILY -> {
                long tenths = familyPoints.calculate(family(applicant, withoutWinning, step), policy).totalTenths();
                long weight = lottery ? policy.lotteryWeights().familyWeightPerPoint() * tenths / 10 : tenths;
                entries.add(new PoolFrozenEvent.Entry(code, Math.max(1, weight), applicant.validSince));
            }
        }
        return entries;
    }

    /** The family as the points formula takes it, each person's age and insurance years as of the cut-off. */
    private FamilyComposition family(Applicant applicant, int withoutWinning, int step) {
        ApplicationSubmittedEvent submitted = applicant.submitted;
        LocalDate cutOff = scheduled.cutOff();
        List<FamilyComposition.Member> members = new ArrayList<>();
        members.add(new FamilyComposition.Member(FamilyComposition.Role.MAIN,
                submitted.applicant().idNumber().adultOn(cutOff), applicant.insuranceYears(0), step));
        for (int i = 0; i < submitted.members().size(); i++) {
            var member = submitted.members().get(i);
            members.add(new FamilyComposition.Member(FamilyComposition.Role.valueOf(member.relation().name()),
                    member.person().idNumber().adultOn(cutOff), applicant.insuranceYears(i + 1), step));
        }
        int yearsApplied = Period.between(LocalDate.ofInstant(submitted.submittedAt(), BEIJING), cutOff).getYears();
        return new FamilyComposition(submitted.generations(), members, withoutWinning, Math.max(0, yearsApplied));
    }

    private static final class Applicant {
        final ApplicationSubmittedEvent submitted;
        QuotaType quotaType;
        boolean prequalified;
        boolean active = true;
        boolean depositPaid;
        Instant validSince;
        List<Integer> insuranceYears = List.of();

        Applicant(ApplicationSubmittedEvent submitted) {
            this.submitted = submitted;
            this.quotaType = submitted.quotaType();
        }

        Applicant inactive() {
            active = false;
            return this;
        }

        Applicant type(QuotaType type) {
            quotaType = type;
            return this;
        }

        Applicant paid() {
            depositPaid = true;
            return this;
        }

        int insuranceYears(int person) {
            return person < insuranceYears.size() ? insuranceYears.get(person) : 0;
        }

        boolean entersRoundOf(QuotaType type) {
            return active && prequalified && depositPaid && quotaType == type;
        }
    }

    /** Builds the view of the verdict for this draw. */
    private record Report(String drawId, AllocationMethod method, int entryCount, String digest) {

        DrawVerificationView match() {
            return difference(DrawVerificationView.Outcome.MATCH, 0, null, null);
        }

        DrawVerificationView difference(DrawVerificationView.Outcome outcome, int position, String expected,
                                        String actual) {
            return new DrawVerificationView(drawId, method.name(), outcome == DrawVerificationView.Outcome.MATCH,
                    outcome, position, expected, actual, DrawVerificationView.describe(outcome, position, expected,
                    actual), entryCount, digest);
        }

        DrawVerificationView of(VerificationReport lottery) {
            return difference(DrawVerificationView.Outcome.valueOf(lottery.outcome().name()), lottery.position(),
                    lottery.expected(), lottery.actual());
        }
    }
}
