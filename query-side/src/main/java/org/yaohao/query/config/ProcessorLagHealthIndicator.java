package org.yaohao.query.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far the query side's projections are behind the event store, in events: health component
 * {@code processorLag} and gauge {@code yaohao.processor.lag} (tag {@code processor}), for their one processor
 * ({@link QuerySideConfiguration#PROCESSOR}). A processor whose segment is held by another instance shows no position here ({@code claimedHere: false}, gauge NaN). Health is DOWN while a
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
        for (String name : List.of(QuerySideConfiguration.PROCESSOR)) {
            Map<String, Object> details = new LinkedHashMap<>();
            Optional<StreamingEventProcessor> processor = processor(name);
            details.put("projections", QuerySideConfiguration.PROCESSING_GROUPS);
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
            builder.withDetail(name, details);
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
        for (String name : List.of(QuerySideConfiguration.PROCESSOR)) {
            Gauge.builder("yaohao.processor.lag", () -> {
                     OptionalLong lag = lag(processor(name).map(StreamingEventProcessor::processingStatus)
                                                           .orElse(Map.of()), head());
                     return lag.isPresent() ? lag.getAsLong() : Double.NaN;
                 })
                 .tag("processor", name)
                 .description("events in the event store this instance's projection has not handled yet")
                 .baseUnit("events")
                 .register(registry);
        }
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return Optional.ofNullable(processing.getIfAvailable())
                       .flatMap(p -> p.eventProcessor(name, StreamingEventProcessor.class));
    }

    private OptionalLong head() {
        return ProcessorProgress.head(eventStore.getIfAvailable());
    }

    private static OptionalLong lag(Map<Integer, EventTrackerStatus> segments, OptionalLong head) {
        return ProcessorProgress.lag(segments, head);
    }
}
