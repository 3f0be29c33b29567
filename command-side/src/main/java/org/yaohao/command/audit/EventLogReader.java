package org.yaohao.command.audit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Revision;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads the event store in the order of the global log (position = the store's global index), from a position up to
 * the head as it stands when the read starts. Works on the stored events only: no projection is asked anything.
 */
@Component
public class EventLogReader {

    private final EventStore events;

    EventLogReader(EventStore events) {
        this.events = events;
    }

    /** The position of the newest event, or -1 for an empty log. */
    public long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * Hands every event after position {@code after} (-1: from the first) to {@code consumer}, in log order, until
     * the head as it was when the read started, or until the consumer answers {@code false}.
     */
    public void read(long after, Predicate<LoggedEvent> consumer) {
        long head = head();
        if (after >= head) {
            return;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(tokenAfter(after, head))) {
            while (true) {
                if (!stream.hasNextAvailable(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the event log stopped before its head at position " + head);
                }
                TrackedEventMessage<?> message = stream.nextAvailable();
                long position = message.trackingToken().position().orElse(-1);
                if (position > after && !consumer.test(toLogged(message, position))) {
                    return;
                }
                if (position >= head) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event log", e);
        }
    }

    /** A token that makes the store start just after {@code after}, in the store's own kind of token. */
    private TrackingToken tokenAfter(long after, long head) {
        if (after < 0) {
            return null;
        }
        TrackingToken kind = events.createHeadToken();
        if (kind instanceof GapAwareTrackingToken) {
            return GapAwareTrackingToken.newInstance(after, new TreeSet<>());
        }
        if (kind instanceof GlobalSequenceTrackingToken) {
            return new GlobalSequenceTrackingToken(after);
        }
        return null; // unknown kind: read from the start, the positions up to 'after' are skipped
    }

    private static LoggedEvent toLogged(TrackedEventMessage<?> message, long position) {
        Class<?> type = message.getPayloadType();
        Revision revision = type.getAnnotation(Revision.class);
        String aggregateId = null;
        Long sequence = null;
        if (message instanceof DomainEventMessage<?> domain && domain.getType() != null) {
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Map<String, Object> metadata = new HashMap<>(message.getMetaData());
        return new LoggedEvent(position, message.getTimestamp(), type.getName(),
                revision == null ? null : revision.value(), aggregateId, sequence, metadata, payloadOf(message));
    }

    /** The payload, or what made it unreadable (a stored event that cannot be deserialized is still in the log). */
    private static Object payloadOf(TrackedEventMessage<?> message) {
        try {
            return message.getPayload();
        } catch (RuntimeException unreadable) {
            return new UnreadablePayload(unreadable.getClass().getName());
        }
    }

    /** A stored payload that does not deserialize; the error's type only (its message could quote personal data). */
    public record UnreadablePayload(String error) {
    }
}
