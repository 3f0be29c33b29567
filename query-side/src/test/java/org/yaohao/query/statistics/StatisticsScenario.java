package org.yaohao.query.statistics;

import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.ApplicationRejectedEvent;
import org.yaohao.kernel.application.ApplicationSentToManualReviewEvent;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.FailedCheck;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.Registry;
import org.yaohao.kernel.application.RejectionReason;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.policy.AllocationMethod;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.policy.PoolPlan;
import org.yaohao.kernel.quota.QuotaId;
import org.yaohao.kernel.quota.QuotaIssuedEvent;
import org.yaohao.kernel.round.PoolDrawnEvent;
import org.yaohao.kernel.round.PoolEntriesFrozenEvent;
import org.yaohao.kernel.round.PoolFrozenEvent;
import org.yaohao.kernel.round.RoundId;
import org.yaohao.kernel.round.RoundScheduledEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.yaohao.query.TestEvents.POLICY;
import static org.yaohao.query.TestEvents.code;
import static org.yaohao.query.TestEvents.enterpriseSubmitted;
import static org.yaohao.query.TestEvents.familySubmitted;
import static org.yaohao.query.TestEvents.individualSubmitted;

/**
 * A year whose statistics are known by construction, fed to the projection with event identifiers:
 * <ul>
 *     <li>March 2023 (Beijing): 20 applications, 14 individuals, 5 families, 1 enterprise; 13 from the app (65%),
 *     5 from the website, 2 at counters (Haidian, Chaoyang);</li>
 *     <li>April 2023: 25 pre-qualifications decided, 22 passed, 3 rejected (12%): social insurance gap in 2 (one of
 *     them for two persons and an expired residence permit too), expired residence permit in 2; 1 manual review;</li>
 *     <li>2023-ORD-01, PERSONAL, quota 4: 10 individuals at step 1 (weight 10), 4 at step 2 (20), 5 families of
 *     50 points (500); the draw's winners are 1 of step 1, 1 of step 2, 2 families; ENTERPRISE: the enterprise's 3
 *     entries, quota 1, one winner; 3 quotas issued;</li>
 *     <li>2023-NEV-01 (ranking): FAMILY, the 5 families, quota 5, all win; INDIVIDUAL, 10 individuals, quota 2.</li>
 * </ul>
 */
final class StatisticsScenario {

    static final RoundId ORDINARY = RoundId.of("2023-ORD-01");
    static final RoundId NEW_ENERGY = RoundId.of("2023-NEV-01");
    static final Instant MARCH = Instant.parse("2023-03-10T02:00:00Z");
    static final Instant APRIL = Instant.parse("2023-04-03T02:00:00Z");

    final List<ApplicationCode> individuals = IntStream.range(0, 14)
            .mapToObj(i -> code(String.format("1%011d", i + 1))).toList();
    final List<ApplicationCode> families = IntStream.range(0, 5)
            .mapToObj(i -> code(String.format("2%011d", i + 1))).toList();
    final ApplicationCode enterprise = code("300000000001");

    private long position;

    /** The identifier of the next event: the same sequence each time the scenario is fed, as a replay delivers it. */
    private String nextEvent() {
        return "event-" + ++position;
    }

    /** An empty statistics database on {@code mongo} with this scenario fed into it. */
    StatisticsRepository fedInto(org.yaohao.query.InProcessMongo mongo) {
        mongo.database().drop();
        StatisticsRepository repository = new StatisticsRepository(mongo.database());
        feed(new StatisticsProjection(repository));
        return repository;
    }

    void feed(StatisticsProjection projection) {
        position = 0;
        List<ApplicationSubmittedEvent> submitted = new ArrayList<>();
        individuals.forEach(c -> submitted.add(at(individualSubmitted(c), MARCH)));
        families.forEach(c -> submitted.add(at(familySubmitted(c), MARCH)));
        submitted.add(at(enterpriseSubmitted(enterprise), MARCH));
        for (int i = 0; i < submitted.size(); i++) {
            String channel = i < 13 ? "APP" : i < 18 ? "WEB" : "COUNTER";
            String district = i == 18 ? "HAIDIAN" : i == 19 ? "CHAOYANG" : null;
            projection.on(submitted.get(i), channel, district, nextEvent());
        }
        for (int i = 0; i < 22; i++) {
            projection.on(new ApplicationPrequalifiedEvent(code(String.format("4%011d", i)), List.of(Registry.values()),
                                                           APRIL, POLICY), nextEvent());
        }
        projection.on(rejected("500000000001", RejectionReason.SOCIAL_INSURANCE_GAP,
                               RejectionReason.SOCIAL_INSURANCE_GAP, RejectionReason.RESIDENCE_PERMIT_EXPIRED), nextEvent());
        projection.on(rejected("500000000002", RejectionReason.SOCIAL_INSURANCE_GAP), nextEvent());
        projection.on(rejected("500000000003", RejectionReason.RESIDENCE_PERMIT_EXPIRED), nextEvent());
        projection.on(new ApplicationSentToManualReviewEvent(code("600000000001"), List.of(Registry.values()[0]),
                                                             APRIL, POLICY), nextEvent());

        projection.on(new RoundScheduledEvent(ORDINARY, QuotaType.ORDINARY, LocalDate.parse("2023-02-08"),
                                              LocalDate.parse("2023-01-08"),
                                              List.of(new PoolPlan(PoolKind.PERSONAL, AllocationMethod.LOTTERY, 4),
                                                      new PoolPlan(PoolKind.ENTERPRISE, AllocationMethod.LOTTERY, 1)),
                                              Map.of(), POLICY));
        List<PoolFrozenEvent.Entry> personal = new ArrayList<>();
        individuals.subList(0, 10).forEach(c -> personal.add(entry(c.value(), 10)));
        individuals.subList(10, 14).forEach(c -> personal.add(entry(c.value(), 20)));
        families.forEach(c -> personal.add(entry(c.value(), 500)));
        freeze(projection, ORDINARY, PoolKind.PERSONAL, AllocationMethod.LOTTERY, 4, personal);
        List<PoolFrozenEvent.Entry> enterprises = List.of(entry(enterprise.value() + "-1", 1),
                                                          entry(enterprise.value() + "-2", 1),
                                                          entry(enterprise.value() + "-3", 1));
        freeze(projection, ORDINARY, PoolKind.ENTERPRISE, AllocationMethod.LOTTERY, 1, enterprises);
        projection.on(drawn(ORDINARY, PoolKind.PERSONAL, AllocationMethod.LOTTERY, 4,
                            List.of(families.get(3).value(), individuals.get(2).value(), individuals.get(11).value(),
                                    families.get(0).value())));
        projection.on(drawn(ORDINARY, PoolKind.ENTERPRISE, AllocationMethod.LOTTERY, 1,
                            List.of(enterprise.value() + "-2")));
        for (int i = 0; i < 3; i++) {
            projection.on(new QuotaIssuedEvent(new QuotaId("Q-" + i), individuals.get(i), ORDINARY,
                                               QuotaType.ORDINARY, i + 1, LocalDate.parse("2023-02-10"),
                                               LocalDate.parse("2024-02-09"), POLICY), nextEvent());
        }

        projection.on(new RoundScheduledEvent(NEW_ENERGY, QuotaType.NEW_ENERGY, LocalDate.parse("2023-05-26"),
                                              LocalDate.parse("2023-04-26"),
                                              List.of(new PoolPlan(PoolKind.FAMILY, AllocationMethod.RANKING, 5),
                                                      new PoolPlan(PoolKind.INDIVIDUAL, AllocationMethod.RANKING, 2)),
                                              Map.of(), POLICY));
        freeze(projection, NEW_ENERGY, PoolKind.FAMILY, AllocationMethod.RANKING, 5,
               families.stream().map(c -> entry(c.value(), 500)).toList());
        freeze(projection, NEW_ENERGY, PoolKind.INDIVIDUAL, AllocationMethod.RANKING, 2,
               individuals.subList(0, 10).stream().map(c -> entry(c.value(), 1)).toList());
        projection.on(drawn(NEW_ENERGY, PoolKind.FAMILY, AllocationMethod.RANKING, 5,
                            families.stream().map(ApplicationCode::value).toList()));
        projection.on(drawn(NEW_ENERGY, PoolKind.INDIVIDUAL, AllocationMethod.RANKING, 2,
                            List.of(individuals.get(0).value(), individuals.get(1).value())));
    }

    private static ApplicationSubmittedEvent at(ApplicationSubmittedEvent e, Instant at) {
        return new ApplicationSubmittedEvent(e.code(), e.kind(), e.quotaType(), e.applicant(), e.members(),
                                             e.generations(), e.enterprise(), e.documents(), at, e.policyVersion());
    }

    private static ApplicationRejectedEvent rejected(String first12, RejectionReason... reasons) {
        List<FailedCheck> checks = new ArrayList<>();
        for (RejectionReason reason : reasons) {
            checks.add(new FailedCheck(Registry.values()[0], "applicant 110101********1234", reason, "failed"));
        }
        return new ApplicationRejectedEvent(code(first12), checks, APRIL, POLICY);
    }

    private static PoolFrozenEvent.Entry entry(String code, long weight) {
        return new PoolFrozenEvent.Entry(code, weight, MARCH);
    }

    /** Frozen in chunks of 4 entries, so a pool spans several chunks. */
    private static void freeze(StatisticsProjection projection, RoundId round, PoolKind pool, AllocationMethod method,
                               int quota, List<PoolFrozenEvent.Entry> entries) {
        List<PoolFrozenEvent.Entry> sorted = entries.stream()
                .sorted(java.util.Comparator.comparing(PoolFrozenEvent.Entry::code)).toList();
        int chunks = 0;
        for (int from = 0; from < sorted.size(); from += 4) {
            projection.on(new PoolEntriesFrozenEvent(round, pool, chunks++,
                                                     sorted.subList(from, Math.min(sorted.size(), from + 4))));
        }
        long total = sorted.stream().mapToLong(PoolFrozenEvent.Entry::weight).sum();
        projection.on(new PoolFrozenEvent(round, pool, method, quota, sorted.size(), chunks, "digest", total, MARCH,
                                          POLICY));
    }

    private static PoolDrawnEvent drawn(RoundId round, PoolKind pool, AllocationMethod method, int quota,
                                        List<String> winners) {
        List<PoolDrawnEvent.Winner> ordered = new ArrayList<>();
        for (int i = 0; i < winners.size(); i++) {
            ordered.add(new PoolDrawnEvent.Winner(i + 1, winners.get(i)));
        }
        return new PoolDrawnEvent(round, pool, method, round + "/" + pool, "v1", "seed", "commitment", "digest", 0, 0,
                                  quota, ordered, POLICY);
    }
}
