package org.yaohao.command.process;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.yaohao.kernel.common.Channel;
import org.yaohao.kernel.common.MessageMetadata;

import java.util.Map;
import java.util.Set;

/**
 * Sends a process's decision as a command, within the step that decided it: on the embedded event store the
 * command's events, the process's new state and its tracking token are committed together, so a crash loses
 * neither the decision nor the step; a step that is replayed sends its decision again, which the application
 * ignores when it already has one. A command that fails makes the step fail, and it is retried.
 */
public class OutcomeDispatcher {

    private final CommandGateway commands;

    public OutcomeDispatcher(CommandGateway commands) {
        this.commands = commands;
    }

    /** Sends {@code command} as {@code actingUser} over the SYSTEM channel and waits for it to be handled. */
    public void send(Object command, String actingUser) {
        send(command, actingUser, MetaData.emptyInstance());
    }

    /**
     * As {@link #send(Object, String)}, from outside the unit of work of the event that decided it: {@code correlation}
     * is that unit of work's correlation data, which the command then carries.
     */
    public void send(Object command, String actingUser, MetaData correlation) {
        // keeps the correlation to the event that decided it, but not the applicant's channel and district
        var correlated = GenericCommandMessage.asCommandMessage(command).andMetaData(correlation);
        commands.sendAndWait(correlated.withMetaData(correlated.getMetaData()
                .withoutKeys(Set.of(MessageMetadata.DISTRICT))
                .mergedWith(Map.of(MessageMetadata.CHANNEL, Channel.SYSTEM.name(),
                        MessageMetadata.ACTING_USER, actingUser))));
    }
}
