package org.yaohao.query.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far each of the query side's projections is behind the event store, in events: health component
 * {@code processorLag} and gauge {@code yaohao.processor.lag} (tag {@code processor}). A projection whose segment is
 * held by another instance shows no position here ({@code claimedHere: false}, gauge NaN). Health is DOWN while a
 * projection is failing (its batch is retried until it passes), UP otherwise, however far behind: catching up after a
 * start is normal. The failure's message is not shown, only its type: it could name a person.
 */
@Component
class ProcessorLagHealthIndicator extends AbstractHealthIndicator implements MeterBinder {

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<EventStore> eventStore;

    ProcessorLagHealthIndicator(ObjectProvider<EventProcessingConfiguration> processing,
                                ObjectProvider<EventStore> eventStore) {
        super("event processor lag check failed");
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        OptionalLong head = head();
        boolean failing = false;
        for (String group : QuerySideConfiguration.PROCESSING_GROUPS) {
            Map<String, Object> details = new LinkedHashMap<>();
            Optional<StreamingEventProcessor> processor = processor(group);
            Map<Integer, EventTrackerStatus> segments = processor.map(StreamingEventProcessor::processingStatus)
                                                                 .orElse(Map.of());
            details.put("running", processor.map(StreamingEventProcessor::isRunning).orElse(false));
            details.put("claimedHere", !segments.isEmpty());
            lag(segments, head).ifPresent(lag -> details.put("lag", lag));
            segments.values().stream().filter(EventTrackerStatus::isErrorState).findFirst().ifPresent(status -> {
                details.put("error", status.getError() == null ? "unknown" : status.getError().getClass().getName());
            });
            details.put("replaying", processor.map(StreamingEventProcessor::isReplaying).orElse(false));
            failing |= details.containsKey("error");
            builder.withDetail(group, details);
        }
        head.ifPresent(position -> builder.withDetail("headPosition", position));
        if (failing) {
            builder.down();
        } else {
            builder.up();
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String group : QuerySideConfiguration.PROCESSING_GROUPS) {
            Gauge.builder("yaohao.processor.lag", () -> {
                     OptionalLong lag = lag(processor(group).map(StreamingEventProcessor::processingStatus)
                                                            .orElse(Map.of()), head());
                     return lag.isPresent() ? lag.getAsLong() : Double.NaN;
                 })
                 .tag("processor", group)
                 .description("events in the event store this instance's projection has not handled yet")
                 .baseUnit("events")
                 .register(registry);
        }
    }

    private Optional<StreamingEventProcessor> processor(String group) {
        return Optional.ofNullable(processing.getIfAvailable())
                       .flatMap(p -> p.eventProcessor(group, StreamingEventProcessor.class));
    }

    /** The position of the newest event in the store, if the store can tell. */
    private OptionalLong head() {
        EventStore store = eventStore.getIfAvailable();
        if (store == null) {
            return OptionalLong.empty();
        }
        TrackingToken token = store.createHeadToken();
        return token == null ? OptionalLong.of(0) : token.position();
    }

    /** Events behind the head of the furthest-behind segment claimed here (each segment sees every position). */
    private static OptionalLong lag(Map<Integer, EventTrackerStatus> segments, OptionalLong head) {
        if (segments.isEmpty() || head.isEmpty()) {
            return OptionalLong.empty();
        }
        long lag = 0;
        for (EventTrackerStatus status : segments.values()) {
            lag = Math.max(lag, head.getAsLong() - status.getCurrentPosition().orElse(0));
        }
        return OptionalLong.of(Math.max(0, lag));
    }
}
