package org.yaohao.command.prequalification;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaohao.kernel.common.Channel;
import org.yaohao.kernel.common.MessageMetadata;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Sends a process's commands once the step that decided them is stored, on a thread of their own: outside the
 * step's transaction, so a refused command (the application was withdrawn meanwhile) cannot undo the process's own
 * progress. Should the command be lost in a crash, the process sends it again at its next retry.
 */
public class OutcomeDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutcomeDispatcher.class);

    private final CommandGateway commands;
    private final Executor executor;

    public OutcomeDispatcher(CommandGateway commands, Executor executor) {
        this.commands = commands;
        this.executor = executor;
    }

    /** Sends {@code command} as {@code actingUser} over the SYSTEM channel after the current unit of work commits. */
    public void sendAfterCommit(Object command, String actingUser) {
        // keeps the correlation to the event that decided it, but not the applicant's channel and district
        var correlated = GenericCommandMessage.asCommandMessage(command);
        var message = correlated.withMetaData(correlated.getMetaData().withoutKeys(Set.of(MessageMetadata.DISTRICT))
                .mergedWith(Map.of(MessageMetadata.CHANNEL, Channel.SYSTEM.name(),
                        MessageMetadata.ACTING_USER, actingUser)));
        Runnable send = () -> executor.execute(() -> commands.send(message).exceptionally(failure -> {
            log.warn("{} refused: {}", command.getClass().getSimpleName(), failure.getMessage());
            return null;
        }));
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> send.run());
        } else {
            send.run();
        }
    }
}
