package org.yaohao.query.config;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.ApplicationWithdrawnEvent;
import org.yaohao.kernel.application.Registry;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.query.QuerySideAsStandalone;
import org.yaohao.query.statistics.StatisticsProjection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.query.TestEvents.code;
import static org.yaohao.query.TestEvents.familySubmitted;
import static org.yaohao.query.TestEvents.individualSubmitted;

/**
 * The query side started on an event log its store has not seen (the standalone jar at every start): the catch-up
 * replay builds the projections before their processor starts, the processor then goes on from its token, and what the
 * catch-up built is what the processor builds from the same log, dead letters included.
 */
@SpringBootTest(classes = CatchUpReplayTest.QuerySideOnALog.class,
                webEnvironment = SpringBootTest.WebEnvironment.NONE,
                properties = {
                        "axon.axonserver.enabled=false",
                        "axon.serializer.general=jackson",
                        "axon.serializer.events=jackson",
                        "axon.serializer.messages=jackson",
                        "spring.autoconfigure.exclude="
                                + "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"
                })
class CatchUpReplayTest {

    /** Applications in the log before the start: several of the catch-up's batches. */
    static final int APPLICATIONS = 1_300;

    /** The application whose withdrawal a handler of the statistics projection refuses. */
    static final ApplicationCode REFUSED = applicationCode(7);

    @Autowired
    private EventStore eventStore;
    @Autowired
    private MongoDatabase database;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private CatchUpReplay catchUp;

    @Test
    void aStoreBehindTheLogIsBuiltBeforeItsProcessorStartsAsTheProcessorWouldBuildIt() {
        TrackingEventProcessor processor = processing
                .eventProcessor(QuerySideConfiguration.PROCESSOR, TrackingEventProcessor.class).orElseThrow();
        // the catch-up starts the processor as its last step
        await(() -> processor.isRunning() && !catchUp.isRunning());
        long head = eventStore.createHeadToken().position().orElseThrow();
        assertThat(catchUp.handledAtLastStart()).isEqualTo(head + 1);
        TrackingToken stored = processing.tokenStore(QuerySideConfiguration.PROCESSOR)
                                         .fetchToken(QuerySideConfiguration.PROCESSOR, 0);
        assertThat(stored.position()).hasValue(head);

        Document withdrawn = status(REFUSED);
        assertThat(withdrawn.getString("status")).isEqualTo("WITHDRAWN");
        assertThat(status(applicationCode(APPLICATIONS - 1)).getString("status")).isEqualTo("PREQUALIFIED");
        assertThat(deadLetters(StatisticsProjection.PROCESSING_GROUP)).isEqualTo(1);

        // the processor goes on from the catch-up's token
        ApplicationCode later = applicationCode(APPLICATIONS);
        eventStore.publish(new GenericDomainEventMessage<>("Application", later.value(), 0,
                                                           individualSubmitted(later)));
        long newHead = eventStore.createHeadToken().position().orElseThrow();
        await(() -> caughtUpWith(processor, newHead));
        assertThat(status(later).getString("status")).isEqualTo("AWAITING_PREQUALIFICATION");
        Map<String, List<Document>> caughtUp = projected();

        // the same log through the processor alone, from the first event
        processor.shutDown();
        database.drop();
        processor.start();
        await(() -> caughtUpWith(processor, newHead));
        Map<String, List<Document>> replayed = projected();
        assertThat(replayed.keySet()).isEqualTo(caughtUp.keySet()).contains("application_status",
                                                                             "statistics_monthly");
        replayed.forEach((collection, documents) -> assertThat(documents).as(collection)
                                                                         .isEqualTo(caughtUp.get(collection)));
        assertThat(deadLetters(StatisticsProjection.PROCESSING_GROUP)).isEqualTo(1);
    }

    private static boolean caughtUpWith(TrackingEventProcessor processor, long head) {
        var segment = processor.processingStatus().get(0);
        return segment != null && segment.getCurrentPosition().orElse(-1) >= head;
    }

    private Document status(ApplicationCode code) {
        return database.getCollection("application_status").find(eq("_id", code.value())).first();
    }

    private long deadLetters(String group) {
        return database.getCollection(QuerySideConfiguration.DEAD_LETTER_COLLECTION)
                       .countDocuments(eq("processingGroup", group));
    }

    /** Every collection the projections wrote, by {@code _id}; not the tokens and dead letters (they hold times). */
    private Map<String, List<Document>> projected() {
        Map<String, List<Document>> all = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            if (!name.equals(QuerySideConfiguration.TOKEN_COLLECTION)
                && !name.equals(QuerySideConfiguration.DEAD_LETTER_COLLECTION)) {
                List<Document> documents = new ArrayList<>();
                database.getCollection(name).find().sort(new Document("_id", 1)).forEach(documents::add);
                all.put(name, documents);
            }
        }
        return all;
    }

    private static ApplicationCode applicationCode(int index) {
        return code("2" + String.format("%011d", index));
    }

    /** The log: each application submitted and pre-qualified; one of them withdrawn. */
    static List<DomainEventMessage<?>> log() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        Instant at = Instant.parse("2023-03-01T02:00:00Z");
        for (int i = 0; i < APPLICATIONS; i++) {
            ApplicationCode code = applicationCode(i);
            events.add(new GenericDomainEventMessage<>("Application", code.value(), 0,
                                                       i % 5 == 0 ? familySubmitted(code) : individualSubmitted(code)));
            events.add(new GenericDomainEventMessage<>("Application", code.value(), 1, new ApplicationPrequalifiedEvent(
                    code, List.of(Registry.INCOME_TAX), at.plusSeconds(i), "2023-guide")));
            if (code.equals(REFUSED)) {
                events.add(new GenericDomainEventMessage<>("Application", code.value(), 2,
                                                           new ApplicationWithdrawnEvent(code, "moved", at, "2023-guide")));
            }
        }
        return events;
    }

    private static void await(BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The query side as the standalone jar runs it, on an event log written before it starts. */
    @QuerySideAsStandalone
    static class QuerySideOnALog {

        @Bean
        EventStorageEngine eventStorageEngine() {
            InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
            engine.appendEvents(log());
            return engine;
        }

        @Bean
        RefusingHandler refusingHandler() {
            return new RefusingHandler();
        }
    }

    /** A handler of the statistics projection's group that fails on one event: it is parked, never skipped. */
    @ProcessingGroup(StatisticsProjection.PROCESSING_GROUP)
    static class RefusingHandler {

        @EventHandler
        void on(ApplicationWithdrawnEvent event) {
            if (event.code().equals(REFUSED)) {
                throw new IllegalStateException("refused in a test");
            }
        }
    }
}
