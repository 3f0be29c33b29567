package org.yaohao.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.yaohao.query.config.CatchUpReplay;
import org.yaohao.query.config.ProcessorProgress;
import org.yaohao.query.config.QuerySideConfiguration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Each projection's processing status and dead letters, and the retry of its dead letters. */
@Component
class ProjectionStatus {

    private static final Logger log = LoggerFactory.getLogger(ProjectionStatus.class);

    /** Dead letters listed per projection; the count is always complete. */
    static final int LISTED_DEAD_LETTERS = 100;

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<EventStore> eventStore;
    private final ProjectionRebuilds rebuilds;
    private final CatchUpReplay catchUp;

    ProjectionStatus(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<EventStore> eventStore,
                     ProjectionRebuilds rebuilds, CatchUpReplay catchUp) {
        this.catchUp = catchUp;
        this.processing = processing;
        this.eventStore = eventStore;
        this.rebuilds = rebuilds;
    }

    List<ProjectionStatusView> all() {
        OptionalLong head = ProcessorProgress.head(eventStore.getIfAvailable());
        Optional<StreamingEventProcessor> processor = Optional.ofNullable(processing.getIfAvailable())
                .flatMap(p -> p.eventProcessor(QuerySideConfiguration.PROCESSOR, StreamingEventProcessor.class));
        Map<Integer, EventTrackerStatus> segments = processor.map(StreamingEventProcessor::processingStatus)
                                                             .orElse(Map.of());
        OptionalLong catchingUp = catchUp.position();
        OptionalLong position = catchingUp.isPresent() ? catchingUp : ProcessorProgress.position(segments);
        OptionalLong lag = ProcessorProgress.lag(position, head);
        String error = segments.values().stream().filter(EventTrackerStatus::isErrorState).findFirst()
                               .map(s -> s.getError() == null ? "unknown" : s.getError().getClass().getName())
                               .orElse(null);
        List<ProjectionStatusView> views = new ArrayList<>();
        for (String name : ProjectionCatalog.NAMES) {
            Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = deadLetterQueue(name);
            views.add(new ProjectionStatusView(name, QuerySideConfiguration.PROCESSOR,
                    processor.map(StreamingEventProcessor::isRunning).orElse(false),
                    catchingUp.isPresent() || processor.map(StreamingEventProcessor::isReplaying).orElse(false),
                    boxed(position), boxed(head), boxed(lag), error,
                    queue.map(SequencedDeadLetterQueue::size).orElse(0L),
                    queue.map(ProjectionStatus::listed).orElse(List.of()),
                    rebuilds.latest(name).orElse(null)));
        }
        return views;
    }

    /** Retries the projection's dead letters, sequence by sequence; answers the dead letters still parked. */
    long retry(String name) {
        ProjectionCatalog.named(name);
        SequencedDeadLetterProcessor<EventMessage<?>> retrying = Optional.ofNullable(processing.getIfAvailable())
                .flatMap(p -> p.sequencedDeadLetterProcessor(name))
                .orElseThrow(() -> new IllegalStateException("projection " + name + " has no dead-letter queue"));
        SequencedDeadLetterQueue<EventMessage<?>> queue = deadLetterQueue(name).orElseThrow();
        long sequences = queue.amountOfSequences();
        for (long i = 0; i < sequences; i++) {
            if (!retrying.processAny()) {
                log.info("Retry of a dead-letter sequence of {} failed again; it stays parked", name);
            }
        }
        long left = queue.size();
        log.info("Dead letters of {} retried: {} sequence(s) tried, {} dead letter(s) left", name, sequences, left);
        return left;
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> deadLetterQueue(String name) {
        return Optional.ofNullable(processing.getIfAvailable()).flatMap(p -> p.deadLetterQueue(name));
    }

    private static List<ProjectionStatusView.DeadLetterView> listed(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<ProjectionStatusView.DeadLetterView> listed = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (listed.size() == LISTED_DEAD_LETTERS) {
                    return listed;
                }
                EventMessage<?> event = letter.message();
                Long position = event instanceof TrackedEventMessage<?> tracked
                        ? boxed(tracked.trackingToken().position()) : null;
                listed.add(new ProjectionStatusView.DeadLetterView(sequenceOf(event), event.getPayloadType().getName(),
                        event.getIdentifier(), position,
                        letter.cause().map(c -> c.type() + ": " + c.message()).orElse(null),
                        letter.enqueuedAt(), letter.lastTouched()));
            }
        }
        return listed;
    }

    /** The aggregate the event belongs to: the sequence its later events queue behind it in. */
    private static String sequenceOf(EventMessage<?> event) {
        return event instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
