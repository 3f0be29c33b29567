package org.yaohao.command.round;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The whole event log, read from the first event to the head as it is now: what a regulator could replay. */
@Component
class EventHistory {

    private final EventStore events;

    EventHistory(EventStore events) {
        this.events = events;
    }

    void replay(Consumer<TrackedEventMessage<?>> consumer) {
        TrackingToken headToken = events.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        if (head < 0) {
            return;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            while (true) {
                if (!stream.hasNextAvailable(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the event log stopped before its head at position " + head);
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                consumer.accept(event);
                if (event.trackingToken().position().orElse(-1) >= head) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event log", e);
        }
    }
}
