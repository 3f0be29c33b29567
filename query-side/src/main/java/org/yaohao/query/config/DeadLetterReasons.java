package org.yaohao.query.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * What a dead letter records of why its event failed: the type of the root cause and its message with every run of
 * digits (or an ID number's final X) of 6 or more masked, so an ID number or a phone quoted by a parser does not land
 * in the store or the operators' screen. Every failing event is parked: nothing is dropped.
 */
final class DeadLetterReasons {

    static final EnqueuePolicy<EventMessage<?>> POLICY = (letter, cause) -> Decisions.enqueue(reason(cause));

    private DeadLetterReasons() {
    }

    static ThrowableCause reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().replaceAll("\\d{5,}[\\dXx]", "***");
        if (message.length() > 500) {
            message = message.substring(0, 500) + "…";
        }
        return new ThrowableCause(root.getClass().getName(), message);
    }
}
