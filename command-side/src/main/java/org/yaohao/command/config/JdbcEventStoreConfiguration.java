package org.yaohao.command.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * The JDBC event store (the standalone jar's H2 file, profile {@code postgres}'s PostgreSQL) as Axon's
 * auto-configuration builds it, but reading the events after a tracking token with gaps through the primary key.
 * <p>
 * A token has gaps when transactions commit out of order (concurrent submissions do): Axon's statement then asks
 * for {@code (globalIndex > ? AND globalIndex <= ?) OR globalIndex IN (gaps)}, which H2 answers by reading the whole
 * event table, on every fetch of every tracking processor, for as long as the gaps last (measured: 2 s for one
 * fetch at 720,000 events; a round of 3,000,000 entrants has 15,000,000). Here the two parts are two index look-ups
 * ({@link #readEventDataWithGaps}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class JdbcEventStoreConfiguration {

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                                     .snapshotSerializer(defaultSerializer)
                                     .upcasterChain(configuration.upcasterChain())
                                     .persistenceExceptionResolver(persistenceExceptionResolver)
                                     .eventSerializer(eventSerializer)
                                     .snapshotFilter(configuration.snapshotFilter())
                                     .connectionProvider(connectionProvider)
                                     .transactionManager(transactionManager)
                                     .schema(new EventSchema())
                                     .readEventDataWithGaps(JdbcEventStoreConfiguration::readEventDataWithGaps)
                                     .build();
    }

    /**
     * The events after {@code globalIndex} (at most {@code batchSize} positions on) and those at the token's
     * {@code gaps}, in order: the same rows as Axon's statement, each part answered through the primary key. The
     * gaps all lie at or below {@code globalIndex}, so the two parts never share a row. Axon asks only with gaps (a
     * token without uses its own range statement).
     */
    static PreparedStatement readEventDataWithGaps(Connection connection, EventSchema schema, long globalIndex,
                                                   int batchSize, List<Long> gaps) throws SQLException {
        String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE ";
        String index = schema.globalIndexColumn();
        PreparedStatement statement = connection.prepareStatement(
                select + index + " > ? AND " + index + " <= ?"
                        + " UNION ALL " + select + index + " IN (" + String.join(",", Collections.nCopies(gaps.size(), "?"))
                        + ") ORDER BY " + index + " ASC");
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 3, gaps.get(i));
        }
        return statement;
    }
}
