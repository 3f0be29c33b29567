package org.yaohao.command.config;

import jakarta.annotation.PostConstruct;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Creates the command side's tables when they are missing, before any processor starts: Axon's (events, tokens,
 * sagas) with Axon's own table factories, and the deadline scheduler's ({@code yaohao-scheduler-schema.sql}, or
 * {@code yaohao-scheduler-schema-postgres.sql}), in H2 (the standalone jar, the command side's local file) or
 * PostgreSQL (profile {@code postgres}, or a shared database in profile {@code axonserver}), with {@code bytea}
 * payload, token, saga and task columns there. The saga associations get the indexes Axon's tables lack.
 */
@Component
class JdbcSchema {

    /** The indexes Axon's saga tables lack, on every dialect; also added to existing databases. */
    private static final String SAGA_ASSOCIATION_INDEXES = "saga-association-indexes.sql";

    private final ObjectProvider<ConnectionProvider> connections;
    private final ObjectProvider<EventStorageEngine> engine;
    private final ObjectProvider<TokenStore> tokenStore;
    private final ObjectProvider<SagaStore<?>> sagaStore;

    JdbcSchema(ObjectProvider<ConnectionProvider> connections, ObjectProvider<EventStorageEngine> engine,
               ObjectProvider<TokenStore> tokenStore, ObjectProvider<SagaStore<?>> sagaStore) {
        this.connections = connections;
        this.engine = engine;
        this.tokenStore = tokenStore;
        this.sagaStore = sagaStore;
    }

    @PostConstruct
    void create() throws SQLException {
        if (connections.getIfAvailable() == null) {
            return;
        }
        boolean postgres = SqlDialect.of(connections.getObject()) == SqlDialect.POSTGRESQL;
        runScript(postgres ? "yaohao-scheduler-schema-postgres.sql" : "yaohao-scheduler-schema.sql");
        if (engine.getIfAvailable() instanceof JdbcEventStorageEngine jdbc) {
            jdbc.createSchema(postgres ? PostgresEventTableFactory.INSTANCE : H2EventTableFactory.INSTANCE);
        }
        if (tokenStore.getIfAvailable() instanceof JdbcTokenStore jdbc) {
            jdbc.createSchema(postgres ? PostgresTokenTableFactory.INSTANCE : GenericTokenTableFactory.INSTANCE);
        }
        // PostgreSQL's saga tables are created "if not exists"; the generic ones are not
        if (sagaStore.getIfAvailable() instanceof JdbcSagaStore jdbc) {
            if (postgres || !tableExists("SagaEntry")) {
                jdbc.createSchema();
            }
            // without them every saga event reads all live processes' associations (bench SagaLookupProbe)
            runScript(SAGA_ASSOCIATION_INDEXES);
        }
    }

    private void runScript(String resource) throws SQLException {
        try (Connection connection = connections.getObject().getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource(resource));
        }
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection connection = connections.getObject().getConnection();
             var tables = connection.getMetaData().getTables(null, null, table.toUpperCase(), null)) {
            return tables.next();
        }
    }
}
