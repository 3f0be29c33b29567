package org.yaohao.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.ApplicationWithdrawnEvent;
import org.yaohao.kernel.application.Registry;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MessageMetadata;
import org.yaohao.query.access.AccessLogProjection;
import org.yaohao.query.application.ApplicationStatusPrefetch;
import org.yaohao.query.application.ApplicationStatusProjection;
import org.yaohao.query.config.QuerySideConfiguration;
import org.yaohao.query.deposit.OverdueRefundsProjection;
import org.yaohao.query.round.RoundEvents;
import org.yaohao.query.round.RoundsProjection;
import org.yaohao.query.store.FlushingTokenStore;
import org.yaohao.kernel.draw.Pool;
import org.yaohao.kernel.policy.PoolKind;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.query.TestEvents.code;
import static org.yaohao.query.TestEvents.familySubmitted;
import static org.yaohao.query.TestEvents.individualSubmitted;

/**
 * The query side wired the way the standalone jar wires it: {@code org.yaohao.query} scanned without
 * {@code org.yaohao.query.boot}, a {@link MongoClient} to the in-process server supplied from outside, Axon Spring Boot
 * autoconfiguration, an event store (in memory here, JDBC there). Events go in at the event store and come out at
 * {@code GET /api/applications/{code}} through the tracking processor, the query bus and the problem handler.
 */
@SpringBootTest(classes = QuerySideWiringTest.StandaloneLikeApplication.class,
                webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {
                        "axon.axonserver.enabled=false",
                        "axon.serializer.general=jackson",
                        "axon.serializer.events=jackson",
                        "axon.serializer.messages=jackson",
                        "spring.mvc.problemdetails.enabled=true",
                        // as the standalone jar: status look-ups through the cache the projection keeps coherent
                        "yaohao.query.status-cache.entries=1000",
                        // the event store is in memory here: no SQL database, as in profile axonserver
                        "spring.autoconfigure.exclude="
                                + "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"
                })
class QuerySideWiringTest {

    private static final ApplicationCode CODE = code("555555555555");

    @Autowired
    private EventStore eventStore;
    @Autowired
    private MongoDatabase database;
    @Autowired
    private EventProcessingConfiguration eventProcessing;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private TestRestTemplate anonymous;
    private TestRestTemplate http;

    /** A staff user of the embedded mode, configured the way an operator configures one: by its password hash. */
    @DynamicPropertySource
    static void staffUser(DynamicPropertyRegistry registry) {
        registry.add("yaohao.security.users.test-admin.role", () -> "ADMIN");
        registry.add("yaohao.security.users.test-admin.password-hash",
                () -> "{bcrypt}" + new BCryptPasswordEncoder().encode("test-admin-password"));
    }

    @BeforeEach
    void signIn() {
        http = anonymous.withBasicAuth("test-admin", "test-admin-password");
    }

    @Test
    void theQuerySideAloneRefusesCallersWhoAreNotSignedIn() {
        ResponseEntity<Map> unauthenticated = anonymous.getForEntity("/api/applications/{code}", Map.class,
                CODE.value());
        assertThat(unauthenticated.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(unauthenticated.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unauthenticated.getBody()).containsEntry("code", "AUTHENTICATION_REQUIRED");
        ResponseEntity<Map> wrongPassword = anonymous.withBasicAuth("test-admin", "guess")
                .getForEntity("/api/applications/{code}", Map.class, CODE.value());
        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void projectsEventsAndAnswersOverHttpWithItsTokenNextToItsDocuments() {
        eventStore.publish(
                new GenericDomainEventMessage<>("Application", CODE.value(), 0, familySubmitted(CODE),
                                                Map.of(MessageMetadata.CHANNEL, "COUNTER",
                                                       MessageMetadata.DISTRICT, "HAIDIAN",
                                                       MessageMetadata.ACTING_USER, "clerk-007")),
                new GenericDomainEventMessage<>("Application", CODE.value(), 1,
                                                new ApplicationPrequalifiedEvent(CODE, List.of(Registry.INCOME_TAX),
                                                                                 Instant.now(), "2023-guide")));

        ResponseEntity<Map> found = await(() -> get(CODE.value()), r -> r.getStatusCode() == HttpStatus.OK
                && "PREQUALIFIED".equals(r.getBody().get("status")));
        assertThat(found.getBody()).containsEntry("code", CODE.value());
        assertThat((List<?>) found.getBody().get("timeline")).hasSize(2);
        assertThat(((List<Map<String, Object>>) found.getBody().get("timeline")).get(0))
                .containsEntry("channel", "COUNTER").containsEntry("district", "HAIDIAN")
                .containsEntry("actingUser", "clerk-007");

        Document token = database.getCollection(QuerySideConfiguration.TOKEN_COLLECTION)
                                 .find(eq("processorName", QuerySideConfiguration.PROCESSOR)).first();
        assertThat(token).isNotNull();
        assertThat(token.getString("tokenType")).contains("GlobalSequenceTrackingToken");
    }

    @Test
    void aStatusLookedUpBeforeTheNextEventShowsItOnceProjected() {
        ApplicationCode code = code("777777777777");
        eventStore.publish(new GenericDomainEventMessage<>("Application", code.value(), 0, familySubmitted(code)));
        await(() -> get(code.value()), r -> r.getStatusCode() == HttpStatus.OK
                && "AWAITING_PREQUALIFICATION".equals(r.getBody().get("status")));
        get(code.value()); // answered from the cache now

        eventStore.publish(new GenericDomainEventMessage<>("Application", code.value(), 1,
                new ApplicationPrequalifiedEvent(code, List.of(Registry.INCOME_TAX), Instant.now(), "2023-guide")));

        await(() -> get(code.value()), r -> "PREQUALIFIED".equals(r.getBody().get("status")));
    }

    @Test
    void securityFiltersRunWithoutASecondHandlerLookupPerRequest() {
        Object chain = context.getBean("springSecurityFilterChain");
        assertThat(chain).isInstanceOf(FilterChainProxy.class);
        assertThat(chain.getClass().getName())
                .as("Spring Security's chain (behind its request-path filter), not wrapped by WebMvcSecurityConfiguration"
                    + " in Spring MVC's handler-mapping cache filter")
                .doesNotContain("WebMvcSecurityConfiguration");
    }

    @Test
    void anEmptyStoreIsRebuiltFromTheFirstEvent() {
        ApplicationCode code = code("666666666666");
        eventStore.publish(new GenericDomainEventMessage<>("Application", code.value(), 0, familySubmitted(code)));
        await(() -> get(code.value()), r -> r.getStatusCode() == HttpStatus.OK);
        TrackingEventProcessor processor = eventProcessing
                .eventProcessor(QuerySideConfiguration.PROCESSOR, TrackingEventProcessor.class)
                .orElseThrow();

        processor.shutDown();
        database.drop(); // what a restart of the standalone jar does to its in-memory MongoDB
        processor.start();

        await(() -> get(code.value()), r -> r.getStatusCode() == HttpStatus.OK);
    }

    @Test
    void refusalsAreProblemDetails() {
        ResponseEntity<Map> notFound = get(code("777777777777").value());
        assertThat(notFound.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(notFound.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(notFound.getBody()).containsEntry("code", "APPLICATION_NOT_FOUND").containsEntry("field", "code");

        ResponseEntity<Map> malformed = get("not-a-code");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(malformed.getBody()).containsEntry("code", "APPLICATION_CODE_FORMAT")
                                       .containsEntry("field", "code");
    }

    @Test
    void theMongoTokenStoreServesOnlyTheQuerySideProcessor() {
        assertThat(context.getBeansOfType(TokenStore.class).values())
                .noneMatch(MongoTokenStore.class::isInstance);
        assertThat(eventProcessing.tokenStore(QuerySideConfiguration.PROCESSOR))
                .isInstanceOfSatisfying(FlushingTokenStore.class,
                                        store -> assertThat(store.delegate()).isInstanceOf(MongoTokenStore.class));
        assertThat(eventProcessing.tokenStore("some-saga-processor")).isNotInstanceOf(FlushingTokenStore.class)
                                                                    .isNotInstanceOf(MongoTokenStore.class);
    }

    @Test
    void theStatusPrefetchRunsOnceForTheQueryProjectionsAndNotForOtherProcessors() {
        // one read of a batch's status documents per batch of the query side, none for the command side's processes
        Predicate<Object> prefetch = i -> i.getClass().getName().startsWith(ApplicationStatusPrefetch.class.getName());
        assertThat(eventProcessing.interceptorsFor(QuerySideConfiguration.PROCESSOR)).filteredOn(prefetch).hasSize(1);
        assertThat(eventProcessing.eventProcessorByProcessingGroup(OtherProcess.GROUP)).isPresent();
        assertThat(eventProcessing.interceptorsFor(OtherProcess.GROUP)).isNotEmpty().noneMatch(prefetch);
    }

    @Test
    void everyProjectionIsHandledByTheOneQuerySideProcessor() {
        for (String group : List.of(ApplicationStatusProjection.PROCESSING_GROUP,
                                    OverdueRefundsProjection.PROCESSING_GROUP, RoundsProjection.PROCESSING_GROUP,
                                    AccessLogProjection.PROCESSING_GROUP)) {
            assertThat(eventProcessing.eventProcessorByProcessingGroup(group)).as(group)
                    .hasValueSatisfying(processor -> assertThat(processor.getName())
                            .isEqualTo(QuerySideConfiguration.PROCESSOR));
        }
    }

    @Test
    void depositEventsOfAnotherAggregateReachTheApplicationStatusAndTheOverdueList() {
        ApplicationCode code = code("888888888888");
        String deposit = TestEvents.depositId(code).value();
        LocalDate due = LocalDate.parse("2023-04-14");
        eventStore.publish(
                new GenericDomainEventMessage<>("Application", code.value(), 0, individualSubmitted(code)),
                new GenericDomainEventMessage<>("Deposit", deposit, 0, TestEvents.depositRequestedInThirds(code)),
                new GenericDomainEventMessage<>("Deposit", deposit, 1,
                                                TestEvents.refundScheduled(code, TestEvents.DEPOSIT, due)),
                new GenericDomainEventMessage<>("Deposit", deposit, 2,
                                                TestEvents.refundOverdue(code, TestEvents.DEPOSIT, due)));

        ResponseEntity<List> overdue = await(() -> http.getForEntity("/api/deposits/overdue-refunds", List.class),
                                             r -> r.getStatusCode() == HttpStatus.OK && !r.getBody().isEmpty());
        assertThat((Map<String, Object>) overdue.getBody().get(0))
                .containsEntry("depositId", deposit).containsEntry("dueDate", "2023-04-14")
                .containsEntry("outstandingFen", 200_000).containsEntry("reason", "NOT_WON");

        ResponseEntity<Map> status = await(() -> get(code.value()), r -> r.getStatusCode() == HttpStatus.OK
                && ((List<?>) r.getBody().get("timeline")).size() == 4);
        Map<String, Object> shown = ((List<Map<String, Object>>) status.getBody().get("deposits")).get(0);
        assertThat(shown).containsEntry("status", "REFUND_SCHEDULED").containsEntry("refundOverdue", true)
                         .containsEntry("refundDueDate", "2023-04-14").containsEntry("amountDueFen", 200_000);
        assertThat(database.getCollection(QuerySideConfiguration.TOKEN_COLLECTION)
                           .find(eq("processorName", QuerySideConfiguration.PROCESSOR)).first()).isNotNull();
    }

    @Test
    void aRoundGoesFromTheEventStoreToItsResourcesAndItsPoolDownloadHashesToTheDigest() throws Exception {
        String round = RoundEvents.ROUND.value();
        Pool personal = RoundEvents.personalPool();
        Pool enterprise = RoundEvents.enterprisePool();
        List<Object> events = new ArrayList<>(List.of(RoundEvents.scheduled(), RoundEvents.committed()));
        for (RoundEvents.Frozen frozen : List.of(
                RoundEvents.frozen(PoolKind.PERSONAL, RoundEvents.PERSONAL_QUOTA, personal),
                RoundEvents.frozen(PoolKind.ENTERPRISE, RoundEvents.ENTERPRISE_QUOTA, enterprise))) {
            events.addAll(frozen.chunks());
            events.add(frozen.head());
        }
        events.addAll(List.of(RoundEvents.drawn(PoolKind.PERSONAL, RoundEvents.PERSONAL_QUOTA, personal),
                              RoundEvents.drawn(PoolKind.ENTERPRISE, RoundEvents.ENTERPRISE_QUOTA, enterprise),
                              RoundEvents.published()));
        for (int i = 0; i < events.size(); i++) {
            eventStore.publish(new GenericDomainEventMessage<>("AllocationRound", round, i, events.get(i)));
        }

        ResponseEntity<Map> found = await(() -> http.getForEntity("/api/rounds/{id}", Map.class, round),
                                          r -> r.getStatusCode() == HttpStatus.OK
                                                  && "RESULTS_PUBLISHED".equals(r.getBody().get("status")));
        Map<String, Object> pool = ((List<Map<String, Object>>) found.getBody().get("pools")).get(0);
        assertThat(pool).containsEntry("pool", "PERSONAL").containsEntry("digest", personal.digest());

        ResponseEntity<byte[]> download = http.getForEntity("/api/rounds/{id}/pools/PERSONAL", byte[].class, round);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getContentType().toString()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(download.getHeaders().getFirst("X-Pool-Digest")).isEqualTo(personal.digest());
        assertThat(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(download.getBody())))
                .isEqualTo(personal.digest());

        ResponseEntity<Map> results = http.getForEntity("/api/rounds/{id}/results", Map.class, round);
        assertThat(results.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> malformed = http.getForEntity("/api/rounds/{id}", Map.class, "2023-07");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(malformed.getBody()).containsEntry("code", "ROUND_ID_FORMAT").containsEntry("field", "roundId");
        assertThat(database.getCollection(QuerySideConfiguration.TOKEN_COLLECTION)
                           .find(eq("processorName", QuerySideConfiguration.PROCESSOR)).first()).isNotNull();
    }

    private ResponseEntity<Map> get(String code) {
        return http.getForEntity("/api/applications/{code}", Map.class, code);
    }

    private static <T> T await(Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting; last answer: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }

    /** What the standalone jar does for the query side. */
    @QuerySideAsStandalone
    static class StandaloneLikeApplication {

        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }

        @Bean
        OtherProcess otherProcess() {
            return new OtherProcess();
        }
    }

    /** An event handler of the command side's kind, in a processor of its own. */
    @ProcessingGroup(OtherProcess.GROUP)
    static class OtherProcess {
        static final String GROUP = "other-process";

        @EventHandler
        void on(ApplicationWithdrawnEvent event) {
            // only here to have a processor
        }
    }
}
