package org.yaohao.command.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.ApplicationPrequalifiedEventUpcaster;
import org.yaohao.kernel.application.Registry;
import org.yaohao.kernel.common.ApplicationCode;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored under an older revision are read as the current one through the same JDBC event store and serializer
 * the system uses: a revision-1 {@link ApplicationPrequalifiedEvent} row, written before the social insurance years
 * were recorded, reads as revision 2 with none.
 */
class StoredRevisionsTest {

    private static final String CODE = ApplicationCode.random().value();
    private final JdbcDataSource database = new JdbcDataSource();
    private JdbcEventStorageEngine store;
    private JacksonSerializer serializer;

    @BeforeEach
    void createStore() {
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        serializer = JacksonSerializer.builder().objectMapper(json).build();
        store = JdbcEventStorageEngine.builder()
                .connectionProvider(database::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(new ApplicationPrequalifiedEventUpcaster()))
                .build();
        store.createSchema(H2EventTableFactory.INSTANCE);
    }

    @Test
    void prequalificationOfRevisionOneReadsAsRevisionTwoWithoutInsuranceYears() throws Exception {
        insertRevisionOne(0, """
                {"code":"%s","registriesConsulted":["RESIDENCE","DRIVING_LICENCE"],
                 "prequalifiedAt":"2024-03-01T02:00:00Z","policyVersion":"2023-guide"}""".formatted(CODE));

        DomainEventMessage<?> read = store.readEvents(CODE).next();

        assertThat(read.getPayload()).isEqualTo(new ApplicationPrequalifiedEvent(new ApplicationCode(CODE),
                List.of(Registry.RESIDENCE, Registry.DRIVING_LICENCE), Instant.parse("2024-03-01T02:00:00Z"),
                "2023-guide", List.of()));
    }

    @Test
    void oldAndNewRevisionsReadAlikeFromTheGlobalStream() throws Exception {
        insertRevisionOne(0, """
                {"code":"%s","registriesConsulted":["RESIDENCE"],
                 "prequalifiedAt":"2024-03-01T02:00:00Z","policyVersion":"2023-guide"}""".formatted(CODE));
        ApplicationPrequalifiedEvent current = new ApplicationPrequalifiedEvent(new ApplicationCode(CODE),
                List.of(Registry.SOCIAL_INSURANCE), Instant.parse("2025-03-01T02:00:00Z"), "2023-guide", List.of(6));
        store.appendEvents(new GenericDomainEventMessage<>("Application", CODE, 1, current));

        List<Object> payloads = store.readEvents(null, false).<Object>map(TrackedEventMessage::getPayload).toList();

        assertThat(payloads).hasSize(2).allMatch(ApplicationPrequalifiedEvent.class::isInstance);
        assertThat(((ApplicationPrequalifiedEvent) payloads.get(0)).socialInsuranceYears()).isEmpty();
        assertThat(payloads.get(1)).isEqualTo(current);
    }

    @Test
    void upcasterRewritesTheStoredRowToRevisionTwo() throws Exception {
        insertRevisionOne(0, """
                {"code":"%s","registriesConsulted":[],"prequalifiedAt":"2024-03-01T02:00:00Z",
                 "policyVersion":"2023-guide"}""".formatted(CODE));
        GenericDomainEventEntry<byte[]> row;
        try (Connection connection = database.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT eventIdentifier, timeStamp, payload "
                     + "FROM DomainEventEntry")) {
            assertThat(rows.next()).isTrue();
            row = new GenericDomainEventEntry<>("Application", CODE, 0, rows.getString(1), rows.getString(2),
                    ApplicationPrequalifiedEvent.class.getName(), "1", rows.getBytes(3),
                    "{}".getBytes(StandardCharsets.UTF_8));
        }

        IntermediateEventRepresentation upcast = new EventUpcasterChain(new ApplicationPrequalifiedEventUpcaster())
                .upcast(Stream.of(new InitialEventRepresentation(row, serializer))).findFirst().orElseThrow();

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        JsonNode payload = upcast.getData(JsonNode.class).getData();
        assertThat(payload.get("socialInsuranceYears").isArray()).isTrue();
        assertThat(payload.get("socialInsuranceYears")).isEmpty();
        assertThat(payload.get("code").asText()).isEqualTo(CODE);
    }

    /** A row as the store wrote it before revision 2 existed. */
    private void insertRevisionOne(long sequence, String payload) throws Exception {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (eventIdentifier, "
                     + "aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, "
                     + "metaData) VALUES (?, ?, ?, 'Application', '2024-03-01T02:00:00Z', ?, '1', ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, CODE);
            insert.setLong(3, sequence);
            insert.setString(4, ApplicationPrequalifiedEvent.class.getName());
            insert.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(6, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }
}
