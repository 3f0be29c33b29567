package org.yaohao.command.config;

import jakarta.annotation.PostConstruct;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Creates Axon's JDBC tables (events, tokens, sagas) with Axon's own table factories when they are missing, before
 * any processor starts. The deadline scheduler's table comes from {@code yaohao-scheduler-schema.sql}.
 */
@Component
class JdbcSchema {

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
        if (engine.getIfAvailable() instanceof JdbcEventStorageEngine jdbc) {
            jdbc.createSchema(H2EventTableFactory.INSTANCE);
        }
        if (tokenStore.getIfAvailable() instanceof JdbcTokenStore jdbc) {
            jdbc.createSchema(GenericTokenTableFactory.INSTANCE);
        }
        if (sagaStore.getIfAvailable() instanceof JdbcSagaStore jdbc && !tableExists("SagaEntry")) {
            jdbc.createSchema();
        }
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection connection = connections.getObject().getConnection();
             var tables = connection.getMetaData().getTables(null, null, table.toUpperCase(), null)) {
            return tables.next();
        }
    }
}
