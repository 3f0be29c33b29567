package org.yaohao.command.round;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yaohao.command.audit.DrawReplay;
import org.yaohao.command.audit.DrawVerificationView;
import org.yaohao.command.familypoints.FamilyPointsCalculator;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.ApplicationWithdrawnEvent;
import org.yaohao.kernel.application.Enterprise;
import org.yaohao.kernel.application.FamilyMember;
import org.yaohao.kernel.application.Person;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.QuotaTypeChangedEvent;
import org.yaohao.kernel.application.Relation;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.DepositPaidInFullEvent;
import org.yaohao.kernel.draw.LotteryDraw;
import org.yaohao.kernel.draw.Pool;
import org.yaohao.kernel.draw.PoolEntry;
import org.yaohao.kernel.draw.RankedEntry;
import org.yaohao.kernel.draw.RankingAllocation;
import org.yaohao.kernel.draw.SeedCommitment;
import org.yaohao.kernel.draw.Winner;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regulator's verification ({@link DrawReplay}) rebuilds the pools the freeze ({@link PoolBuilder}) built, from
 * the same log, on a population that exercises every pool rule: family points with insurance years and rounds entered
 * without winning, ranking pools and the families' unused quota passed to individuals, an enterprise's several
 * entries, a quota type changed, a withdrawal, and a deposit paid after the cut-off. And it names what a tampered log
 * changes.
 */
class IndependentVerificationTest {

    private static final RoundId ROUND = RoundId.of("2023-NEV-01");
    private static final RoundId EARLIER = RoundId.of("2022-NEV-01");
    private static final LocalDate CUT_OFF = LocalDate.parse("2023-04-26");
    private static final Instant BEFORE = Instant.parse("2023-03-01T02:00:00Z");
    private static final byte[] SEED = HexFormat.of()
            .parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    private static final List<PoolPlan> POOLS = List.of(new PoolPlan(PoolKind.FAMILY, AllocationMethod.RANKING, 3),
            new PoolPlan(PoolKind.INDIVIDUAL, AllocationMethod.RANKING, 1),
            new PoolPlan(PoolKind.ENTERPRISE, AllocationMethod.LOTTERY, 1));
    private static final Policy GUIDE = PolicyCatalog.load(null, "2023-guide").active();

    private final EmbeddedEventStore log = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final List<String> codes = new ArrayList<>();
    private long aggregate;
    private int person = 1;

    @AfterEach
    void close() {
        log.shutDown();
    }

    @Test
    void verificationRebuildsThePoolsTheFreezeBuiltAndTheDrawMatches() {
        Map<PoolKind, PoolDrawnEvent> drawn = honestRound();

        for (PoolKind pool : List.of(PoolKind.FAMILY, PoolKind.INDIVIDUAL, PoolKind.ENTERPRISE)) {
            DrawVerificationView verdict = verify(pool, UnaryOperator.identity());
            assertThat(verdict.outcome()).as(pool + ": " + verdict.description())
                    .isEqualTo(DrawVerificationView.Outcome.MATCH);
        }
        assertThat(verify(PoolKind.FAMILY, UnaryOperator.identity()).entryCount()).isEqualTo(2);
        assertThat(verify(PoolKind.INDIVIDUAL, UnaryOperator.identity()).entryCount()).isEqualTo(2);
        assertThat(verify(PoolKind.ENTERPRISE, UnaryOperator.identity()).entryCount()).isEqualTo(2);
        // two families for three quotas: the one left over goes to the individual queue, where both win
        assertThat(drawn.get(PoolKind.INDIVIDUAL).quota()).isEqualTo(2);
    }

    @Test
    void aChangedWeightInAFrozenChunkIsTheFirstDifference() {
        honestRound();
        DrawVerificationView verdict = verify(PoolKind.FAMILY, payload -> {
            if (payload instanceof PoolEntriesFrozenEvent chunk && chunk.roundId().equals(ROUND)
                    && chunk.pool() == PoolKind.FAMILY) {
                List<PoolFrozenEvent.Entry> entries = new ArrayList<>(chunk.entries());
                PoolFrozenEvent.Entry second = entries.get(1);
                entries.set(1, new PoolFrozenEvent.Entry(second.code(), second.weight() + 10, second.validSince()));
                return new PoolEntriesFrozenEvent(chunk.roundId(), chunk.pool(), chunk.chunk(), entries);
            }
            return payload;
        });
        assertThat(verdict.outcome()).isEqualTo(DrawVerificationView.Outcome.FROZEN_POOL_MISMATCH);
        assertThat(verdict.position()).isEqualTo(2);
    }

    @Test
    void aCommitmentReplacedAfterTheFreezeIsFound() {
        honestRound();
        DrawVerificationView verdict = verify(PoolKind.ENTERPRISE, payload -> payload instanceof SeedCommittedEvent e
                ? new SeedCommittedEvent(e.roundId(), SeedCommitment.commit(new byte[32]), e.policyVersion())
                : payload);
        assertThat(verdict.outcome()).isEqualTo(DrawVerificationView.Outcome.COMMITMENT_MISMATCH);
    }

    @Test
    void rankedWinnersInAnotherOrderAreNamedAtTheFirstDifference() {
        honestRound();
        DrawVerificationView verdict = verify(PoolKind.FAMILY, payload -> {
            if (payload instanceof PoolDrawnEvent e && e.roundId().equals(ROUND) && e.pool() == PoolKind.FAMILY) {
                List<PoolDrawnEvent.Winner> swapped = List.of(
                        new PoolDrawnEvent.Winner(1, e.winners().get(1).code()),
                        new PoolDrawnEvent.Winner(2, e.winners().get(0).code()));
                return new PoolDrawnEvent(e.roundId(), e.pool(), e.method(), e.drawId(), e.algorithm(), e.seedHex(),
                        e.commitment(), e.poolDigest(), e.entryCount(), e.totalWeight(), e.quota(), swapped,
                        e.policyVersion());
            }
            return payload;
        });
        assertThat(verdict.outcome()).isEqualTo(DrawVerificationView.Outcome.WINNER_MISMATCH);
        assertThat(verdict.position()).isEqualTo(1);
        assertThat(verdict.actual()).isNotEqualTo(verdict.expected());
    }

    /** The population, then the round frozen by the command side's freeze and drawn by the normative algorithms. */
    private Map<PoolKind, PoolDrawnEvent> honestRound() {
        String familyA = family(List.of(8, 5, 0), Relation.SPOUSE, Relation.CHILD);
        family(List.of(3, 10), Relation.SPOUSE);
        String withdrawn = family(List.of(1, 1), Relation.SPOUSE);
        record(new ApplicationWithdrawnEvent(ApplicationCode.of(withdrawn), "changed mind", BEFORE, "2023-guide"),
                BEFORE);
        individual(QuotaType.NEW_ENERGY, true);
        String changed = individual(QuotaType.ORDINARY, true);
        record(new QuotaTypeChangedEvent(ApplicationCode.of(changed), QuotaType.ORDINARY, QuotaType.NEW_ENERGY,
                "2023-guide"), BEFORE.plusSeconds(60));
        individual(QuotaType.NEW_ENERGY, false); // pays after the cut-off
        enterprise();
        // family A entered an earlier new-energy round without winning: one more point
        record(new PoolEntriesFrozenEvent(EARLIER, PoolKind.FAMILY, 0,
                List.of(new PoolFrozenEvent.Entry(familyA, 500, BEFORE))), BEFORE.plusSeconds(120));
        record(new PoolDrawnEvent(EARLIER, PoolKind.FAMILY, AllocationMethod.RANKING, EARLIER + "/FAMILY", "v1",
                HexFormat.of().formatHex(SEED), SeedCommitment.commit(SEED), "x", 1, 500, 0, List.of(), "2023-guide"),
                BEFORE.plusSeconds(121));

        RoundScheduledEvent scheduled = new RoundScheduledEvent(ROUND, QuotaType.NEW_ENERGY,
                LocalDate.parse("2023-05-26"), CUT_OFF, POOLS, Map.of(), "2023-guide");
        Instant afterCutOff = Instant.parse("2023-05-01T02:00:00Z");
        record(scheduled, BEFORE.plusSeconds(200));
        record(new SeedCommittedEvent(ROUND, SeedCommitment.commit(SEED), "2023-guide"), BEFORE.plusSeconds(201));
        for (FrozenPool pool : new PoolBuilder(new EventHistory(log), new FamilyPointsCalculator())
                .freeze(scheduled, GUIDE)) {
            pool.chunks().forEach(chunk -> record(chunk, afterCutOff));
            record(pool.head(), afterCutOff);
        }
        return draw(afterCutOff.plusSeconds(60));
    }

    private Map<PoolKind, PoolDrawnEvent> draw(Instant at) {
        Map<PoolKind, List<PoolFrozenEvent.Entry>> entries = new EnumMap<>(PoolKind.class);
        Map<PoolKind, PoolFrozenEvent> heads = new EnumMap<>(PoolKind.class);
        all().forEach(message -> {
            if (message.getPayload() instanceof PoolEntriesFrozenEvent chunk && chunk.roundId().equals(ROUND)) {
                entries.computeIfAbsent(chunk.pool(), k -> new ArrayList<>()).addAll(chunk.entries());
            } else if (message.getPayload() instanceof PoolFrozenEvent head) {
                heads.put(head.pool(), head);
            }
        });
        Map<PoolKind, PoolDrawnEvent> drawn = new EnumMap<>(PoolKind.class);
        int unusedByFamilies = 0;
        for (PoolPlan plan : POOLS) {
            List<PoolFrozenEvent.Entry> pool = entries.getOrDefault(plan.pool(), List.of());
            int quota = plan.quota() + (plan.pool() == PoolKind.INDIVIDUAL ? unusedByFamilies : 0);
            List<Winner> winners = plan.method() == AllocationMethod.LOTTERY
                    ? LotteryDraw.draw(ROUND + "/" + plan.pool(), Pool.of(pool.stream()
                            .map(e -> new PoolEntry(e.code(), e.weight())).toList()), quota, SEED,
                            SeedCommitment.commit(SEED)).winners()
                    : RankingAllocation.rank(pool.stream()
                            .map(e -> new RankedEntry(e.code(), e.weight(), e.validSince())).toList(), quota);
            if (plan.pool() == PoolKind.FAMILY) {
                unusedByFamilies = quota - winners.size();
            }
            PoolFrozenEvent head = heads.get(plan.pool());
            PoolDrawnEvent event = new PoolDrawnEvent(ROUND, plan.pool(), plan.method(), ROUND + "/" + plan.pool(),
                    "v1", HexFormat.of().formatHex(SEED), SeedCommitment.commit(SEED), head.digest(),
                    head.entryCount(), head.totalWeight(), quota,
                    winners.stream().map(w -> new PoolDrawnEvent.Winner(w.sequence(), w.code())).toList(),
                    "2023-guide");
            record(event, at);
            drawn.put(plan.pool(), event);
        }
        return drawn;
    }

    /** Replays the log, each payload as {@code tamper} shows it, into the verification of one pool. */
    private DrawVerificationView verify(PoolKind pool, UnaryOperator<Object> tamper) {
        DrawReplay replay = new DrawReplay(ROUND, pool, version -> GUIDE, new FamilyPointsCalculator());
        all().forEach(message ->
                replay.accept(message.getTimestamp(), tamper.apply(message.getPayload())));
        assertThat(replay.wasDrawn()).isTrue();
        return replay.verify();
    }

    /** Every event of the log, in order. */
    private List<TrackedEventMessage<?>> all() {
        List<TrackedEventMessage<?>> all = new ArrayList<>();
        try (var stream = log.openStream(null)) {
            while (stream.hasNextAvailable()) {
                all.add(stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return all;
    }

    private String family(List<Integer> insuranceYears, Relation... relations) {
        List<FamilyMember> members = new ArrayList<>();
        for (Relation relation : relations) {
            members.add(new FamilyMember(person(relation == Relation.CHILD ? "20100101" : "19800101"), relation));
        }
        int generations = java.util.Arrays.asList(relations).contains(Relation.CHILD) ? 2 : 1;
        return apply(ApplicantKind.FAMILY, QuotaType.NEW_ENERGY, person("19780203"), members, generations, null,
                insuranceYears, true);
    }

    private String individual(QuotaType type, boolean paidInTime) {
        return apply(ApplicantKind.INDIVIDUAL, type, person("19850312"), List.of(), 0, null, List.of(0), paidInTime);
    }

    private String enterprise() {
        return apply(ApplicantKind.ENTERPRISE, QuotaType.NEW_ENERGY, null, List.of(), 0,
                new Enterprise(UnifiedSocialCreditCode.of("91110105MA01ABCD13"), "Example Co.", 800_000, 2),
                List.of(), true);
    }

    private String apply(ApplicantKind kind, QuotaType type, Person applicant, List<FamilyMember> members,
                         int generations, Enterprise enterprise, List<Integer> insuranceYears, boolean paidInTime) {
        ApplicationCode code = ApplicationCode.random();
        Instant submitted = BEFORE.plusSeconds(codes.size() * 10L);
        record(new ApplicationSubmittedEvent(code, kind, type, applicant, members, generations, enterprise,
                List.of(), submitted, "2023-guide"), submitted);
        record(new ApplicationPrequalifiedEvent(code, List.of(), submitted.plusSeconds(1), "2023-guide",
                insuranceYears), submitted.plusSeconds(1));
        Instant paid = paidInTime ? submitted.plusSeconds(2) : Instant.parse("2023-04-27T02:00:00Z");
        record(new DepositPaidInFullEvent(DepositId.of(code, ROUND), code, ROUND, MoneyFen.ofYuan(1_000), paid,
                "2023-guide"), paid);
        codes.add(code.value());
        return code.value();
    }

    private Person person(String birthDate) {
        String first17 = "110101" + birthDate + String.format("%03d", person++);
        return new Person(ResidentIdNumber.of(first17 + ResidentIdNumber.checkCharacter(first17)), "Person", null);
    }

    private void record(Object payload, Instant at) {
        log.publish(new GenericDomainEventMessage<>("Test", "agg-" + aggregate++, 0, payload, Map.of(),
                java.util.UUID.randomUUID().toString(), at));
    }
}
