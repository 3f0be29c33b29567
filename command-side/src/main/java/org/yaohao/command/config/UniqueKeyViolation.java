package org.yaohao.command.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * Tells the JDBC event store that an append broke the (aggregate, sequence number) unique key, so it becomes Axon's
 * {@code ConcurrencyException} / {@code AggregateStreamCreationException} and the one-active-application rule decides
 * concurrent submissions. H2 reports a {@link SQLIntegrityConstraintViolationException}; PostgreSQL's driver a plain
 * {@link SQLException} with SQL state {@value #UNIQUE_VIOLATION}, which Axon's default resolver does not recognise.
 */
class UniqueKeyViolation implements PersistenceExceptionResolver {

    /** SQL state of a unique constraint violation (SQL standard; PostgreSQL and H2 both use it). */
    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException
                    || cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
