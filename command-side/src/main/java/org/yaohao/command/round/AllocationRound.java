package org.yaohao.command.round;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.draw.DrawResult;
import org.yaohao.kernel.draw.LotteryDraw;
import org.yaohao.kernel.draw.Pool;
import org.yaohao.kernel.draw.PoolEntry;
import org.yaohao.kernel.draw.RankedEntry;
import org.yaohao.kernel.draw.RankingAllocation;
import org.yaohao.kernel.draw.SeedCommitment;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.policy.AllocationMethod;
import org.yaohao.kernel.policy.Policy;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.policy.PoolPlan;
import org.yaohao.kernel.policy.RoundPlan;
import org.yaohao.kernel.round.PoolDrawnEvent;
import org.yaohao.kernel.round.PoolFrozenEvent;
import org.yaohao.kernel.round.RoundId;
import org.yaohao.kernel.round.RoundResultsPublishedEvent;
import org.yaohao.kernel.round.RoundScheduledEvent;
import org.yaohao.kernel.round.RoundStatus;
import org.yaohao.kernel.round.SeedCommittedEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One allocation round: "scheduled → seed committed (the regulator posts SHA-256(seed)) → pool frozen at the cut-off
 * → drawn (seed revealed, checked against the commitment) → results published." Every round records the policy
 * version it runs under; switching the active policy never changes a round already scheduled.
 */
@Aggregate
public class AllocationRound {

    static final String ALGORITHM = "v1";

    @AggregateIdentifier
    private RoundId roundId;
    private RoundStatus status;
    private String commitment;
    private String policyVersion;
    private List<PoolFrozenEvent> frozen;
    private RoundScheduledEvent scheduled;
    private List<PoolDrawnEvent> drawn;

    protected AllocationRound() {
        // for Axon
    }

    /** Opens the round; {@code rolledOver} is what the previous round of the type left unallocated, per pool. */
    AllocationRound(RoundPlan plan, Policy policy, Map<PoolKind, Integer> rolledOver) {
        List<PoolPlan> pools = plan.pools().stream().map(pool -> new PoolPlan(pool.pool(), pool.method(),
                pool.quota() + rolledOver.getOrDefault(pool.pool(), 0))).toList();
        apply(new RoundScheduledEvent(plan.id(), plan.quotaType(), plan.drawDate(), plan.cutOff(), pools,
                rolledOver, policy.version()));
    }

    /** What this round left unallocated per pool (too few entries): it rolls over to the next round of the type. */
    Map<PoolKind, Integer> unallocated() {
        Map<PoolKind, Integer> left = new EnumMap<>(PoolKind.class);
        for (PoolDrawnEvent pool : drawn) {
            if (pool.quota() > pool.winners().size()) {
                left.put(pool.pool(), pool.quota() - pool.winners().size());
            }
        }
        return left;
    }

    void commitSeed(String seedCommitment) {
        requireStatus(RoundStatus.SCHEDULED, "the seed is committed once, before the pools are frozen");
        apply(new SeedCommittedEvent(roundId, seedCommitment, policyVersion));
    }

    /** Records every pool: its entries chunk by chunk, then its head, all in this unit of work. */
    void freeze(List<FrozenPool> pools) {
        requireStatus(RoundStatus.SEED_COMMITTED, "the pools are frozen once the seed is committed");
        for (FrozenPool pool : pools) {
            pool.chunks().forEach(chunk -> apply(chunk));
            apply(pool.head());
        }
    }

    /**
     * Reveals the seed and draws every pool: the lottery of draw-algorithm.md, or the ranking of the rule book.
     * {@code readPools} reads the pools back from this round's events (only once the seed is checked); each must hash
     * to the digest frozen.
     */
    void draw(byte[] seed, Supplier<Map<PoolKind, FrozenPool>> readPools) {
        requireStatus(RoundStatus.POOLS_FROZEN, "a round is drawn once its pools are frozen");
        if (!SeedCommitment.matches(seed, commitment)) {
            throw new DomainException(ErrorCode.SEED_MISMATCH, "seed",
                    "the seed does not hash to the commitment " + commitment + "; the draw is refused");
        }
        String seedHex = SeedCommitment.toHex(seed);
        Map<PoolKind, FrozenPool> entries = readPools.get();
        int passedToIndividuals = 0;
        for (PoolFrozenEvent pool : List.copyOf(frozen)) {
            List<PoolFrozenEvent.Entry> poolEntries = entriesOf(pool, entries);
            String drawId = roundId.value() + "/" + pool.pool().name();
            // "families' unused new-energy quota passes to the individual pool" (the plan lists FAMILY first)
            int quota = pool.quota() + (pool.pool() == PoolKind.INDIVIDUAL ? passedToIndividuals : 0);
            List<PoolDrawnEvent.Winner> winners = new ArrayList<>();
            if (pool.method() == AllocationMethod.LOTTERY) {
                Pool lottery = Pool.of(poolEntries.stream()
                        .map(entry -> new PoolEntry(entry.code(), entry.weight())).toList());
                if (!lottery.digest().equals(pool.digest())) {
                    throw new IllegalStateException("the entries of pool " + drawId + " read back hash to "
                            + lottery.digest() + ", not to the frozen digest " + pool.digest());
                }
                DrawResult result = LotteryDraw.draw(drawId, lottery, quota, seed, commitment);
                result.winners().forEach(w -> winners.add(new PoolDrawnEvent.Winner(w.sequence(), w.code())));
            } else {
                RankingAllocation.rank(poolEntries.stream()
                                .map(entry -> new RankedEntry(entry.code(), entry.weight(), entry.validSince())).toList(),
                        quota).forEach(w -> winners.add(new PoolDrawnEvent.Winner(w.sequence(), w.code())));
            }
            if (pool.pool() == PoolKind.FAMILY && scheduled.quotaType() == QuotaType.NEW_ENERGY) {
                passedToIndividuals = quota - winners.size();
            }
            apply(new PoolDrawnEvent(roundId, pool.pool(), pool.method(), drawId, ALGORITHM, seedHex, commitment,
                    pool.digest(), pool.entryCount(), pool.totalWeight(), quota, List.copyOf(winners),
                    policyVersion));
        }
    }

    void publish(LocalDate today) {
        requireStatus(RoundStatus.DRAWN, "results are published once the round is drawn");
        apply(new RoundResultsPublishedEvent(roundId, today, policyVersion));
    }

    RoundScheduledEvent scheduled() {
        return scheduled;
    }

    private static List<PoolFrozenEvent.Entry> entriesOf(PoolFrozenEvent pool, Map<PoolKind, FrozenPool> entries) {
        FrozenPool read = entries.get(pool.pool());
        if (read == null || read.chunks().size() != pool.chunkCount() || read.head().entryCount() != pool.entryCount()) {
            throw new IllegalStateException("pool " + pool.pool() + " of round " + pool.roundId()
                    + " was not read back whole from the event log");
        }
        List<PoolFrozenEvent.Entry> all = read.entries();
        if (all.size() != pool.entryCount()) {
            throw new IllegalStateException("pool " + pool.pool() + " of round " + pool.roundId() + " holds "
                    + all.size() + " entries in its chunks, not " + pool.entryCount());
        }
        return all;
    }

    /**
     * Every entry of every pool with its outcome: an application wins if any of its entries (an enterprise has one
     * per requested quota) is drawn.
     */
    List<EntryOutcome> outcomes(Map<PoolKind, FrozenPool> entries) {
        Map<String, Integer> sequences = new HashMap<>();
        drawn.forEach(pool -> pool.winners().forEach(w -> sequences.put(w.code(), w.sequence())));
        List<EntryOutcome> outcomes = new ArrayList<>();
        for (PoolFrozenEvent pool : frozen) {
            for (PoolFrozenEvent.Entry entry : entriesOf(pool, entries)) {
                outcomes.add(new EntryOutcome(entry.code(), sequences.getOrDefault(entry.code(), 0)));
            }
        }
        return outcomes;
    }

    /** One pool entry after the draw; {@code sequence} 0 when it did not win. */
    record EntryOutcome(String entryCode, int sequence) {

        ApplicationCode applicationCode() {
            return ApplicationCode.of(ApplicationCode.ofEntry(entryCode));
        }

        boolean won() {
            return sequence > 0;
        }
    }

    private void requireStatus(RoundStatus required, String rule) {
        if (status != required) {
            throw new DomainException(ErrorCode.ROUND_WRONG_STATE, "roundId",
                    rule + "; round " + roundId + " is " + status);
        }
    }

    @EventSourcingHandler
    void on(RoundScheduledEvent event) {
        roundId = event.roundId();
        scheduled = event;
        status = RoundStatus.SCHEDULED;
        policyVersion = event.policyVersion();
        frozen = new ArrayList<>();
        drawn = new ArrayList<>();
    }

    @EventSourcingHandler
    void on(SeedCommittedEvent event) {
        status = RoundStatus.SEED_COMMITTED;
        commitment = event.commitment();
    }

    @EventSourcingHandler
    void on(PoolFrozenEvent event) {
        status = RoundStatus.POOLS_FROZEN;
        frozen.add(event);
    }

    @EventSourcingHandler
    void on(PoolDrawnEvent event) {
        status = RoundStatus.DRAWN;
        drawn.add(event);
    }

    @EventSourcingHandler
    void on(RoundResultsPublishedEvent event) {
        status = RoundStatus.RESULTS_PUBLISHED;
    }
}
