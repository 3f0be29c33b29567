package org.yaohao.command.config;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures of an append the JDBC event store reports as a conflict (and the submission as a 409). */
class UniqueKeyViolationTest {

    private final UniqueKeyViolation resolver = new UniqueKeyViolation();

    @Test
    void postgresUniqueViolationDeepInTheCauseChainIsAConflict() {
        // what PostgreSQL's driver throws from a batch insert: a plain SQLException with SQL state 23505
        SQLException postgres = new SQLException("duplicate key value violates unique constraint", "23505");
        BatchUpdateException batch = new BatchUpdateException("batch failed", null, 0, new int[0], postgres);
        assertThat(resolver.isDuplicateKeyViolation(new EventStoreException("append failed", batch))).isTrue();
    }

    @Test
    void h2IntegrityConstraintViolationIsAConflict() {
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(
                new SQLIntegrityConstraintViolationException("unique index violated", "23505")))).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(
                new SQLException("connection refused", "08001")))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(
                new SQLException("value too long", "22001")))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL involved"))).isFalse();
    }
}
