package org.yaohao.command.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga tables of a database created by Axon alone get indexes on their associations at the next start, so that
 * finding the sagas of an event and loading a saga's associations do not read every association of every live
 * process (3,000,000 of them at Beijing's scale).
 */
class JdbcSchemaTest {

    static class Process {
        public String code;
    }

    @Test
    void findsASagaByItsAssociationThroughAnIndexInADatabaseCreatedWithoutOne() throws Exception {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:sagas-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        ConnectionProvider connections = dataSource::getConnection;
        JdbcSagaStore sagas = JdbcSagaStore.builder().connectionProvider(connections)
                                           .sqlSchema(new GenericSagaSqlSchema())
                                           .serializer(JacksonSerializer.defaultSerializer()).build();
        sagas.createSchema(); // as an earlier version left it: Axon's tables, no index on the associations
        sagas.insertSaga(Process.class, "saga-1", new Process(), Set.of(new AssociationValue("code", "A-1")));

        JdbcSchema schema = schema(connections, sagas);
        schema.create();
        schema.create(); // every start: nothing to add the second time

        JdbcClient sql = JdbcClient.create(dataSource);
        assertThat(plan(sql, "SELECT sagaId FROM AssociationValueEntry WHERE associationKey = 'code'"
                + " AND associationValue = 'A-1' AND sagaType = '" + Process.class.getName() + "'"))
                .contains("ASSOCIATIONVALUEENTRY_LOOKUP");
        assertThat(plan(sql, "SELECT associationKey, associationValue FROM AssociationValueEntry"
                + " WHERE sagaId = 'saga-1' AND sagaType = '" + Process.class.getName() + "'"))
                .contains("ASSOCIATIONVALUEENTRY_SAGA");
        assertThat(sagas.findSagas(Process.class, new AssociationValue("code", "A-1"))).containsExactly("saga-1");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JdbcSchema schema(ConnectionProvider connections, JdbcSagaStore sagas) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("connections", connections,
                "sagaStore", sagas));
        return new JdbcSchema(beans.getBeanProvider(ConnectionProvider.class),
                beans.getBeanProvider(org.axonframework.eventsourcing.eventstore.EventStorageEngine.class),
                beans.getBeanProvider(org.axonframework.eventhandling.tokenstore.TokenStore.class),
                (ObjectProvider<SagaStore<?>>) (ObjectProvider) beans.getBeanProvider(SagaStore.class));
    }

    private static String plan(JdbcClient sql, String query) {
        return sql.sql("EXPLAIN " + query).query(String.class).single();
    }
}
