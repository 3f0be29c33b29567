package org.yaohao.command.round;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaohao.command.familypoints.FamilyPointsCalculator;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.draw.DrawResult;
import org.yaohao.kernel.draw.LotteryDraw;
import org.yaohao.kernel.draw.Pool;
import org.yaohao.kernel.draw.PoolEntry;
import org.yaohao.kernel.draw.SeedCommitment;
import org.yaohao.kernel.policy.AllocationMethod;
import org.yaohao.kernel.policy.Policy;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.policy.PoolPlan;
import org.yaohao.kernel.policy.RoundPlan;
import org.yaohao.kernel.round.CommitSeedCommand;
import org.yaohao.kernel.round.DrawRoundCommand;
import org.yaohao.kernel.round.FreezePoolsCommand;
import org.yaohao.kernel.round.PoolDrawnEvent;
import org.yaohao.kernel.round.PoolFrozenEvent;
import org.yaohao.kernel.round.PublishRoundResultsCommand;
import org.yaohao.kernel.round.RoundId;
import org.yaohao.kernel.round.RoundResultsPublishedEvent;
import org.yaohao.kernel.round.RoundScheduledEvent;
import org.yaohao.kernel.round.ScheduleRoundCommand;
import org.yaohao.kernel.round.SeedCommittedEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.instanceOf;

class AllocationRoundTest {

    static final RoundId ROUND = RoundId.of("2023-ORD-05");
    static final List<PoolPlan> POOLS = List.of(new PoolPlan(PoolKind.PERSONAL, AllocationMethod.LOTTERY, 2),
            new PoolPlan(PoolKind.ENTERPRISE, AllocationMethod.LOTTERY, 1));
    static final RoundPlan PLAN = new RoundPlan(ROUND, LocalDate.parse("2023-10-08"), LocalDate.parse("2023-09-08"),
            POOLS);
    static final Policy POLICY = new Policy("2023-guide", 60, 5, 500_000, 5, Duration.ofHours(24),
            Duration.ofHours(1), 2_000, 1_000, 3, 7, List.of(PLAN), null, null, 12, java.util.Map.of());
    static final byte[] SEED = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    static final String COMMITMENT = SeedCommitment.commit(SEED);
    static final RoundScheduledEvent SCHEDULED = new RoundScheduledEvent(ROUND, QuotaType.ORDINARY,
            PLAN.drawDate(), PLAN.cutOff(), POOLS, Map.of(), "2023-guide");
    static final Instant NOW = Instant.parse("2023-09-20T02:00:00Z");

    private AggregateTestFixture<AllocationRound> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AllocationRound.class);
        EmbeddedEventStore emptyLog = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        fixture.registerAnnotatedCommandHandler(new RoundCommandHandler(fixture.getRepository(),
                new PolicyCatalog(Map.of("2023-guide", POLICY), "2023-guide"),
                new PoolBuilder(new EventHistory(emptyLog), new FamilyPointsCalculator()),
                new FrozenPoolReader(fixture.getEventStore()), Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"))));
    }

    private static org.hamcrest.Matcher<?> refused(ErrorCode code) {
        return allOf(instanceOf(DomainException.class), new CustomTypeSafeMatcher<DomainException>("refused with " + code) {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return e.details().code() == code;
            }
        });
    }

    private static FrozenPool frozen(PoolKind kind, int quota, String... codes) {
        List<PoolFrozenEvent.Entry> entries = java.util.Arrays.stream(codes)
                .map(code -> new PoolFrozenEvent.Entry(code, 10, NOW)).toList();
        return pool(ROUND, kind, AllocationMethod.LOTTERY, quota, entries, PoolBuilder.endOfCutOff(PLAN.cutOff()));
    }

    private static FrozenPool pool(RoundId round, PoolKind kind, AllocationMethod method, int quota,
                                   List<PoolFrozenEvent.Entry> entries, Instant cutOff) {
        Pool pool = Pool.of(entries.stream().map(e -> new PoolEntry(e.code(), e.weight())).toList());
        return FrozenPool.of(round, kind, entries, chunks -> new PoolFrozenEvent(round, kind, method, quota,
                entries.size(), chunks, pool.digest(), pool.totalWeight(), cutOff, "2023-guide"));
    }

    /** What the freeze of these pools records: each pool's chunks, then its head. */
    private static Object[] events(Object... eventsAndPools) {
        List<Object> events = new java.util.ArrayList<>();
        for (Object item : eventsAndPools) {
            if (item instanceof FrozenPool pool) {
                events.addAll(pool.chunks());
                events.add(pool.head());
            } else {
                events.add(item);
            }
        }
        return events.toArray();
    }

    @Test
    void schedulesARoundOfThePolicyUnderItsVersion() {
        fixture.givenNoPriorActivity()
               .when(new ScheduleRoundCommand(ROUND))
               .expectEvents(SCHEDULED);
    }

    @Test
    void refusesARoundTheActivePolicyDoesNotPlan() {
        fixture.givenNoPriorActivity()
               .when(new ScheduleRoundCommand(RoundId.of("2031-ORD-01")))
               .expectNoEvents()
               .expectException(refused(ErrorCode.ROUND_NOT_IN_POLICY));
    }

    @Test
    void commitsTheSeed() {
        fixture.given(SCHEDULED)
               .when(new CommitSeedCommand(ROUND, COMMITMENT))
               .expectEvents(new SeedCommittedEvent(ROUND, COMMITMENT, "2023-guide"));
    }

    @Test
    void refusesACommitmentThatIsNotASha256() {
        fixture.given(SCHEDULED)
               .when(new CommitSeedCommand(ROUND, "abc"))
               .expectNoEvents()
               .expectException(refused(ErrorCode.SEED_FORMAT));
    }

    @Test
    void refusesFreezingBeforeTheSeedIsCommitted() {
        fixture.given(SCHEDULED)
               .when(new FreezePoolsCommand(ROUND))
               .expectNoEvents()
               .expectException(refused(ErrorCode.ROUND_WRONG_STATE));
    }

    @Test
    void freezesEmptyPoolsFromAnEmptyLog() {
        FrozenPool personal = frozen(PoolKind.PERSONAL, 2);
        FrozenPool enterprise = frozen(PoolKind.ENTERPRISE, 1);
        fixture.given(SCHEDULED, new SeedCommittedEvent(ROUND, COMMITMENT, "2023-guide"))
               .when(new FreezePoolsCommand(ROUND))
               .expectEvents(events(personal, enterprise));
    }

    @Test
    void refusesASeedThatDoesNotMatchTheCommitment() {
        fixture.given(events(SCHEDULED, new SeedCommittedEvent(ROUND, COMMITMENT, "2023-guide"),
                      frozen(PoolKind.PERSONAL, 2, "1000000000001", "1000000000002", "1000000000003")))
               .when(new DrawRoundCommand(ROUND, "ff".repeat(32)))
               .expectNoEvents()
               .expectException(refused(ErrorCode.SEED_MISMATCH));
    }

    @Test
    void refusesDrawingBeforeTheSeedIsCommitted() {
        fixture.given(SCHEDULED)
               .when(new DrawRoundCommand(ROUND, HexFormat.of().formatHex(SEED)))
               .expectNoEvents()
               .expectException(refused(ErrorCode.ROUND_WRONG_STATE));
    }

    @Test
    void refusesCommittingASeedAfterTheFreeze() {
        fixture.given(events(SCHEDULED, new SeedCommittedEvent(ROUND, COMMITMENT, "2023-guide"),
                      frozen(PoolKind.PERSONAL, 2, "1000000000001")))
               .when(new CommitSeedCommand(ROUND, COMMITMENT))
               .expectNoEvents()
               .expectException(refused(ErrorCode.ROUND_WRONG_STATE));
    }

    @Test
    void refusesDrawingTwice() {
        fixture.given(events(SCHEDULED, new SeedCommittedEvent(ROUND, COMMITMENT, "2023-guide"),
                      frozen(PoolKind.PERSONAL, 2, "1000000000001", "1000000000002", "1000000000003")))
               .andGivenCommands(new DrawRoundCommand(ROUND, HexFormat.of().formatHex(SEED)))
               .when(new DrawRoundCommand(ROUND, HexFormat.of().formatHex(SEED)))
               .expectNoEvents()
               .expectException(refused(ErrorCode.ROUND_WRONG_STATE));
    }

    @Test
    void drawsEveryPoolByTheNormativeAlgorithm() {
        FrozenPool personal = frozen(PoolKind.PERSONAL, 2, "1000000000001", "1000000000002", "1000000000003");
        DrawResult expected = LotteryDraw.draw("2023-ORD-05/PERSONAL", Pool.of(
                new PoolEntry("1000000000001", 10), new PoolEntry("1000000000002", 10),
                new PoolEntry("1000000000003", 10)), 2, SEED, COMMITMENT);
        fixture.given(events(SCHEDULED, new SeedCommittedEvent(ROUND, COMMITMENT, "2023-guide"), personal))
               .when(new DrawRoundCommand(ROUND, HexFormat.of().formatHex(SEED)))
               .expectEvents(new PoolDrawnEvent(ROUND, PoolKind.PERSONAL, AllocationMethod.LOTTERY,
                       "2023-ORD-05/PERSONAL", "v1", HexFormat.of().formatHex(SEED), COMMITMENT, personal.head().digest(), 3,
                       30, 2, expected.winners().stream()
                       .map(w -> new PoolDrawnEvent.Winner(w.sequence(), w.code())).toList(), "2023-guide"));
    }

    @Test
    void familiesUnusedNewEnergyQuotaPassesToTheIndividualPool() {
        RoundId nev = RoundId.of("2023-NEV-01");
        List<PoolPlan> pools = List.of(new PoolPlan(PoolKind.FAMILY, AllocationMethod.RANKING, 2),
                new PoolPlan(PoolKind.INDIVIDUAL, AllocationMethod.RANKING, 1));
        RoundScheduledEvent scheduled = new RoundScheduledEvent(nev, QuotaType.NEW_ENERGY, LocalDate.parse("2023-05-26"),
                LocalDate.parse("2023-04-26"), pools, Map.of(), "2023-guide");
        FrozenPool families = ranked(nev, PoolKind.FAMILY, 2, "2000000000001");
        FrozenPool individuals = ranked(nev, PoolKind.INDIVIDUAL, 1, "3000000000001", "3000000000002",
                "3000000000003");
        fixture.given(events(scheduled, new SeedCommittedEvent(nev, COMMITMENT, "2023-guide"), families, individuals))
               .when(new DrawRoundCommand(nev, HexFormat.of().formatHex(SEED)))
               .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                       org.axonframework.test.matchers.Matchers.exactSequenceOf(
                               drawnWith(PoolKind.FAMILY, 2, 1), drawnWith(PoolKind.INDIVIDUAL, 2, 2),
                               org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    private static FrozenPool ranked(RoundId round, PoolKind kind, int quota, String... codes) {
        List<PoolFrozenEvent.Entry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            entries.add(new PoolFrozenEvent.Entry(codes[i], 1, NOW.plusSeconds(i)));
        }
        return pool(round, kind, AllocationMethod.RANKING, quota, entries, NOW);
    }

    private static org.hamcrest.Matcher<Object> drawnWith(PoolKind pool, int quota, int winners) {
        return new CustomTypeSafeMatcher<>(pool + " drawn with quota " + quota + " and " + winners + " winners") {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof PoolDrawnEvent e && e.pool() == pool && e.quota() == quota
                        && e.winners().size() == winners;
            }
        };
    }

    @Test
    void publishesTheResultsOnceDrawn() {
        FrozenPool personal = frozen(PoolKind.PERSONAL, 2, "1000000000001");
        fixture.given(events(SCHEDULED, new SeedCommittedEvent(ROUND, COMMITMENT, "2023-guide"), personal))
               .andGivenCommands(new DrawRoundCommand(ROUND, HexFormat.of().formatHex(SEED)))
               .when(new PublishRoundResultsCommand(ROUND))
               .expectEvents(new RoundResultsPublishedEvent(ROUND, LocalDate.parse("2023-09-20"), "2023-guide"));
    }

    @Test
    void refusesPublishingBeforeTheDraw() {
        fixture.given(SCHEDULED)
               .when(new PublishRoundResultsCommand(ROUND))
               .expectNoEvents()
               .expectException(refused(ErrorCode.ROUND_WRONG_STATE));
    }
}
