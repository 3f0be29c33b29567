package org.yaohao.command.config;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tracking processor whose token has gaps reads on through the event table's primary key: the events at its
 * gaps and after its position, in order, without reading the rest of the table (Axon's own statement reads all of
 * it on H2, at every fetch).
 */
class JdbcEventStoreConfigurationTest {

    private static final int EVENTS = 5_000;
    private final JdbcDataSource database = new JdbcDataSource();
    private JdbcEventStorageEngine store;

    @BeforeEach
    void storeEvents() {
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        store = JdbcEventStorageEngine.builder()
                                      .connectionProvider(database::getConnection)
                                      .transactionManager(NoTransactionManager.INSTANCE)
                                      .eventSerializer(serializer)
                                      .snapshotSerializer(serializer)
                                      .readEventDataWithGaps(JdbcEventStoreConfiguration::readEventDataWithGaps)
                                      .build();
        store.createSchema(H2EventTableFactory.INSTANCE);
        List<GenericDomainEventMessage<String>> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(new GenericDomainEventMessage<>("Application", "A-" + (i % 50), i / 50, "event " + (i + 1)));
        }
        store.appendEvents(events);
    }

    @Test
    void aTokenWithGapsGetsTheEventsAtItsGapsThenThoseAfterItInOrder() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(4_000, Set.of(1_200L, 3_990L));

        List<String> read = store.readEvents(token, false).limit(5).map(TrackedEventMessage::getPayload)
                                 .map(String.class::cast).collect(Collectors.toList());

        assertThat(read).containsExactly("event 1200", "event 3990", "event 4001", "event 4002", "event 4003");
    }

    @Test
    void aTokenWithGapsIsReadWithoutScanningTheEventTable() throws Exception {
        List<Long> gaps = List.of(1_200L, 3_990L);

        long rowsReadHere = rowsScanned(JdbcEventStoreConfiguration::readEventDataWithGaps, 4_000, gaps);
        long rowsReadByAxonsStatement = rowsScanned(JdbcEventStorageEngineStatements::readEventDataWithGaps, 4_000,
                                                    gaps);

        assertThat(rowsReadByAxonsStatement).isGreaterThanOrEqualTo(EVENTS); // the table, whatever the batch
        assertThat(rowsReadHere).isLessThan(110); // the batch of 100 and the two gaps (H2 counts a row more per look-up)
    }

    /** Runs the statement under H2's EXPLAIN ANALYZE and adds up the rows its plan says were scanned. */
    private long rowsScanned(ReadEventDataWithGapsStatementBuilder statement, long index, List<Long> gaps)
            throws Exception {
        try (Connection connection = database.getConnection()) {
            Connection explaining = (Connection) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[]{Connection.class}, (proxy, method, args) ->
                            method.getName().equals("prepareStatement") && args.length == 1
                                    ? connection.prepareStatement("EXPLAIN ANALYZE " + args[0])
                                    : method.invoke(connection, args));
            try (PreparedStatement prepared = statement.build(explaining, new EventSchema(), index, 100, gaps);
                 ResultSet plan = prepared.executeQuery()) {
                plan.next();
                Matcher scans = Pattern.compile("scanCount: (\\d+)").matcher(plan.getString(1));
                long rows = 0;
                while (scans.find()) {
                    rows += Long.parseLong(scans.group(1));
                }
                assertThat(rows).as("a plan with scan counts").isPositive();
                return rows;
            }
        }
    }
}
