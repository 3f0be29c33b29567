package org.yaohao.command.config;

import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.SQLException;

/** The SQL databases the command side keeps its JDBC stores in: H2 (embedded) and PostgreSQL (profile postgres). */
enum SqlDialect {
    H2, POSTGRESQL;

    static SqlDialect of(ConnectionProvider connections) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            return of(connection.getMetaData().getDatabaseProductName());
        }
    }

    static SqlDialect of(String databaseProductName) {
        return databaseProductName.toLowerCase().contains("postgres") ? POSTGRESQL : H2;
    }
}
