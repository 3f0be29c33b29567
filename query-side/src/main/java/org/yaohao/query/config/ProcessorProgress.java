package org.yaohao.query.config;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Map;
import java.util.OptionalLong;

/** Where a streaming processor stands against the head of the event log, in events: for health, metrics, operators. */
public final class ProcessorProgress {

    private ProcessorProgress() {
    }

    /** The position of the newest event in the store, if the store can tell. */
    public static OptionalLong head(EventStore store) {
        if (store == null) {
            return OptionalLong.empty();
        }
        TrackingToken token = store.createHeadToken();
        return token == null ? OptionalLong.of(0) : token.position();
    }

    /** The position of the furthest-behind segment claimed here; empty when none is. */
    public static OptionalLong position(Map<Integer, EventTrackerStatus> segments) {
        return segments.values().stream()
                       .mapToLong(status -> status.getCurrentPosition().orElse(0))
                       .min();
    }

    /** Events behind the head of the furthest-behind segment claimed here (each segment sees every position). */
    public static OptionalLong lag(Map<Integer, EventTrackerStatus> segments, OptionalLong head) {
        return lag(position(segments), head);
    }

    /** Events behind the head of a projection at {@code position}; empty when either is unknown. */
    public static OptionalLong lag(OptionalLong position, OptionalLong head) {
        if (position.isEmpty() || head.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, head.getAsLong() - position.getAsLong()));
    }
}
