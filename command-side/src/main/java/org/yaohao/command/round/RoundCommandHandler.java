package org.yaohao.command.round;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MessageHandlerTimeout;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.draw.SeedCommitment;
import org.yaohao.kernel.policy.Policy;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.policy.RoundPlan;
import org.yaohao.kernel.round.CommitSeedCommand;
import org.yaohao.kernel.round.DrawRoundCommand;
import org.yaohao.kernel.round.FreezePoolsCommand;
import org.yaohao.kernel.round.PublishRoundResultsCommand;
import org.yaohao.kernel.round.RoundHandling;
import org.yaohao.kernel.round.RoundId;
import org.yaohao.kernel.round.RoundScheduledEvent;
import org.yaohao.kernel.round.ScheduleRoundCommand;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The round's commands; freezing reads the event log as of the cut-off through {@link PoolBuilder}. */
@Component
class RoundCommandHandler {

    private final Repository<AllocationRound> rounds;
    private final PolicyCatalog policies;
    private final PoolBuilder pools;
    private final FrozenPoolReader frozenPools;
    private final Clock clock;

    RoundCommandHandler(Repository<AllocationRound> rounds, PolicyCatalog policies, PoolBuilder pools,
                        FrozenPoolReader frozenPools, Clock clock) {
        this.rounds = rounds;
        this.policies = policies;
        this.pools = pools;
        this.frozenPools = frozenPools;
        this.clock = clock;
    }

    @CommandHandler
    public RoundId handle(ScheduleRoundCommand command) throws Exception {
        Policy policy = policies.active();
        RoundPlan plan = policy.round(command.roundId()).orElseThrow(() -> new DomainException(
                ErrorCode.ROUND_NOT_IN_POLICY, "roundId",
                "policy " + policy.version() + " has no round " + command.roundId()));
        if (find(command.roundId()) != null) {
            throw new DomainException(ErrorCode.ROUND_EXISTS, "roundId",
                    "round " + command.roundId() + " is already scheduled");
        }
        Map<PoolKind, Integer> rolledOver = previousRound(policy, plan)
                .map(this::find).map(previous -> previous.invoke(AllocationRound::unallocated)).orElse(Map.of());
        rounds.newInstance(() -> new AllocationRound(plan, policy, rolledOver));
        return command.roundId();
    }

    /** "A round's quota left unallocated (too few entries) rolls over to the next round of its type and pool." */
    private static Optional<RoundId> previousRound(Policy policy, RoundPlan plan) {
        RoundId previous = null;
        for (RoundPlan candidate : policy.rounds()) {
            if (candidate.id().equals(plan.id())) {
                return Optional.ofNullable(previous);
            }
            if (candidate.quotaType() == plan.quotaType()) {
                previous = candidate.id();
            }
        }
        return Optional.empty();
    }

    private Aggregate<AllocationRound> find(RoundId id) {
        try {
            return rounds.load(id.value());
        } catch (AggregateNotFoundException e) {
            return null;
        }
    }

    @CommandHandler
    public void handle(CommitSeedCommand command) {
        String commitment = command.commitment() == null ? "" : command.commitment().toLowerCase();
        if (!commitment.matches("[0-9a-f]{64}")) {
            throw new DomainException(ErrorCode.SEED_FORMAT, "commitment",
                    "a commitment is SHA-256(seed) as 64 hex characters");
        }
        load(command.roundId()).execute(round -> round.commitSeed(commitment));
    }

    @CommandHandler
    @MessageHandlerTimeout(timeoutMs = RoundHandling.WHOLE_POOL_TIMEOUT_MS,
                           warningThresholdMs = RoundHandling.WHOLE_POOL_WARNING_MS,
                           warningIntervalMs = RoundHandling.WHOLE_POOL_WARNING_MS)
    public void handle(FreezePoolsCommand command) {
        Aggregate<AllocationRound> round = load(command.roundId());
        RoundScheduledEvent scheduled = round.invoke(AllocationRound::scheduled);
        LocalDate today = LocalDate.now(clock);
        if (!today.isAfter(scheduled.cutOff())) {
            throw new DomainException(ErrorCode.CUT_OFF_NOT_REACHED, "roundId",
                    "round " + command.roundId() + " closes at the end of " + scheduled.cutOff());
        }
        List<FrozenPool> frozen = pools.freeze(scheduled, policies.version(scheduled.policyVersion()));
        round.execute(r -> r.freeze(frozen));
    }

    @CommandHandler
    @MessageHandlerTimeout(timeoutMs = RoundHandling.WHOLE_POOL_TIMEOUT_MS,
                           warningThresholdMs = RoundHandling.WHOLE_POOL_WARNING_MS,
                           warningIntervalMs = RoundHandling.WHOLE_POOL_WARNING_MS)
    public void handle(DrawRoundCommand command) {
        String seedHex = command.seedHex() == null ? "" : command.seedHex().toLowerCase();
        if (!seedHex.matches("[0-9a-f]{64}")) {
            throw new DomainException(ErrorCode.SEED_FORMAT, "seed", "a seed is 32 bytes as 64 hex characters");
        }
        byte[] seed = SeedCommitment.fromHex(seedHex);
        load(command.roundId()).execute(round -> round.draw(seed, () -> frozenPools.read(command.roundId())));
    }

    @CommandHandler
    public void handle(PublishRoundResultsCommand command) {
        load(command.roundId()).execute(round -> round.publish(LocalDate.now(clock)));
    }

    private Aggregate<AllocationRound> load(RoundId id) {
        try {
            return rounds.load(id.value());
        } catch (AggregateNotFoundException e) {
            throw new DomainException(ErrorCode.ROUND_NOT_FOUND, "roundId", "no round has id " + id);
        }
    }
}
