package org.yaohao.standalone;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A schema of its own in the PostgreSQL named by {@code YAOHAO_IT_POSTGRES_URL} (user and password in
 * {@code YAOHAO_IT_POSTGRES_USER}, {@code YAOHAO_IT_POSTGRES_PASSWORD}), so a run starts from an empty event store and
 * leaves nothing behind; and direct reads of what the processes wrote there.
 */
final class PostgresSchema implements AutoCloseable {

    static final String URL_VARIABLE = "YAOHAO_IT_POSTGRES_URL";

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String schema;

    private PostgresSchema(String serverUrl, String user, String password, String schema) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /** The configured PostgreSQL, if any: developer machines may have none, CI always has one (.ci/run). */
    static Optional<String> configuredUrl() {
        return Optional.ofNullable(System.getenv(URL_VARIABLE)).filter(url -> !url.isBlank());
    }

    static PostgresSchema create(String serverUrl) throws SQLException {
        String user = System.getenv().getOrDefault("YAOHAO_IT_POSTGRES_USER", "yaohao");
        String password = System.getenv().getOrDefault("YAOHAO_IT_POSTGRES_PASSWORD", "");
        byte[] suffix = new byte[6];
        ThreadLocalRandom.current().nextBytes(suffix);
        PostgresSchema created = new PostgresSchema(serverUrl, user, password, "it_" + HexFormat.of().formatHex(suffix));
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password)) {
            connection.createStatement().execute("CREATE SCHEMA " + created.schema);
        }
        return created;
    }

    /** The JDBC URL the processes get: the configured one, with this schema as the current one. */
    String url() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** The single number a query answers; {@code long[]} and {@code String[]} parameters are SQL arrays. */
    long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof long[] values) {
                    Array array = connection.createArrayOf("bigint", Arrays.stream(values).boxed().toArray());
                    statement.setArray(i + 1, array);
                } else if (parameters[i] instanceof String[] values) {
                    statement.setArray(i + 1, connection.createArrayOf("varchar", values));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The payload types of one aggregate's events, in order. */
    List<String> eventsOf(String aggregateIdentifier) throws SQLException {
        List<String> types = new ArrayList<>();
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
            statement.setString(1, aggregateIdentifier);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(1);
                    types.add(type.substring(type.lastIndexOf('.') + 1));
                }
            }
        }
        return types;
    }

    /** The payload types of every aggregate whose identifier starts with the prefix, each stream in order. */
    Map<String, List<String>> streamsStartingWith(String prefix) throws SQLException {
        Map<String, List<String>> streams = new TreeMap<>();
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT aggregateidentifier, payloadtype FROM domainevententry WHERE aggregateidentifier LIKE ?"
                        + " ORDER BY aggregateidentifier, sequencenumber")) {
            statement.setString(1, prefix + "%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(2);
                    streams.computeIfAbsent(rows.getString(1), id -> new ArrayList<>())
                           .add(type.substring(type.lastIndexOf('.') + 1));
                }
            }
        }
        return streams;
    }

    /** The SQL type of a column of one of this schema's tables, as PostgreSQL names it. */
    String columnType(String table, String column) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT data_type FROM information_schema.columns"
                        + " WHERE table_schema = ? AND table_name = ? AND column_name = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            statement.setString(3, column);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password)) {
            connection.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
