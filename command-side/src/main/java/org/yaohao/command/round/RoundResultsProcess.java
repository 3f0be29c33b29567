package org.yaohao.command.round;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageHandlerTimeout;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yaohao.command.process.OutcomeDispatcher;
import org.yaohao.kernel.application.RecordRoundOutcomeCommand;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.ErrorDetails;
import org.yaohao.kernel.deposit.ConvertDepositCommand;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.RefundReason;
import org.yaohao.kernel.deposit.ScheduleDepositRefundCommand;
import org.yaohao.kernel.quota.IssueQuotaCommand;
import org.yaohao.kernel.quota.QuotaId;
import org.yaohao.kernel.round.RoundResultsPublishedEvent;
import org.yaohao.kernel.round.RoundHandling;
import org.yaohao.kernel.round.RoundScheduledEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * What publication means for everyone who took part (rule book, Lifecycle 6–8): "a winner receives a quota; a
 * winner's deposit is converted to the vehicle fee; non-winners' deposits go back within 7 working days of
 * publication; a valid application that did not win stays in the following rounds" — and records that it took part
 * without winning. Every command is idempotent, so a replayed publication changes nothing.
 */
@Component
@ProcessingGroup("round-results")
class RoundResultsProcess {

    static final String ACTING_USER = "system:round-results";
    private static final Logger log = LoggerFactory.getLogger(RoundResultsProcess.class);

    /** Commands committed together: one transaction (one write of the event store) per chunk instead of per command. */
    static final int CHUNK = 300;

    private final Repository<AllocationRound> rounds;
    private final FrozenPoolReader frozenPools;
    private final OutcomeDispatcher outcomes;
    private final TransactionManager transactionManager;

    private final Executor sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "round-results-sender");
        thread.setDaemon(true);
        return thread;
    });

    RoundResultsProcess(Repository<AllocationRound> rounds, FrozenPoolReader frozenPools, OutcomeDispatcher outcomes,
                        TransactionManager transactionManager) {
        this.rounds = rounds;
        this.frozenPools = frozenPools;
        this.outcomes = outcomes;
        this.transactionManager = transactionManager;
    }

    @EventHandler
    @MessageHandlerTimeout(timeoutMs = RoundHandling.WHOLE_POOL_TIMEOUT_MS,
                           warningThresholdMs = RoundHandling.WHOLE_POOL_WARNING_MS,
                           warningIntervalMs = RoundHandling.WHOLE_POOL_WARNING_MS)
    void on(RoundResultsPublishedEvent event) {
        Aggregate<AllocationRound> round = rounds.load(event.roundId().value());
        RoundScheduledEvent scheduled = round.invoke(AllocationRound::scheduled);
        List<AllocationRound.EntryOutcome> entries = round.invoke(r -> r.outcomes(frozenPools.read(event.roundId())));

        List<Object> commands = new ArrayList<>();
        Map<ApplicationCode, Integer> bestSequence = new LinkedHashMap<>();
        for (AllocationRound.EntryOutcome entry : entries) {
            bestSequence.merge(entry.applicationCode(), entry.sequence(),
                    (a, b) -> a == 0 ? b : b == 0 ? a : Math.min(a, b));
            if (entry.won()) {
                commands.add(new IssueQuotaCommand(QuotaId.of(event.roundId(), entry.entryCode()), entry.applicationCode(),
                        event.roundId(), scheduled.quotaType(), entry.sequence(), event.publishedOn()));
            }
        }
        bestSequence.forEach((code, sequence) -> {
            boolean won = sequence > 0;
            commands.add(new RecordRoundOutcomeCommand(code, event.roundId(), won, sequence));
            DepositId deposit = DepositId.of(code, event.roundId());
            commands.add(won ? new ConvertDepositCommand(deposit)
                    : new ScheduleDepositRefundCommand(deposit, RefundReason.NOT_WON, event.publishedOn()));
        });
        // Sent from another thread, in chunks of their own units of work and transactions, committed as they go: sent
        // from this thread they would be nested in this processor's unit of work and all committed at its end (one
        // transaction for a whole round of millions of entrants, nothing visible until then). A crash redelivers the
        // event; the commands are idempotent.
        MetaData correlation = CurrentUnitOfWork.map(UnitOfWork::getCorrelationData).orElse(MetaData.emptyInstance());
        try {
            CompletableFuture.runAsync(() -> sendAll(commands, correlation), sender).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Sends {@link #CHUNK} commands at a time in one unit of work and transaction: each command is handled as usual
     * (its own nested unit of work) and the chunk's events are stored together when the chunk commits. A chunk with
     * a command the domain refuses is rolled back whole and sent again one command at a time, so the refusal is
     * logged and the others are recorded.
     */
    private void sendAll(List<Object> commands, MetaData correlation) {
        for (int from = 0; from < commands.size(); from += CHUNK) {
            List<Object> chunk = commands.subList(from, Math.min(commands.size(), from + CHUNK));
            try {
                UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                unitOfWork.attachTransaction(transactionManager);
                unitOfWork.execute(() -> chunk.forEach(command -> outcomes.send(command, ACTING_USER, correlation)));
            } catch (RuntimeException e) {
                log.info("A chunk of {} result commands was rolled back ({}); sending them one at a time",
                         chunk.size(), e.getClass().getSimpleName());
                chunk.forEach(command -> send(command, correlation));
            }
        }
    }

    /** A command the domain refuses (say, an application withdrawn meanwhile) is logged and the others go on. */
    private void send(Object command, MetaData correlation) {
        try {
            outcomes.send(command, ACTING_USER, correlation);
        } catch (CommandExecutionException e) {
            if (e.getDetails().filter(ErrorDetails.class::isInstance).isEmpty()) {
                throw e;
            }
            log.warn("{} refused: {}", command.getClass().getSimpleName(), e.getMessage());
        }
    }
}
