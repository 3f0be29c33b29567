package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Reads the event store file of a stopped standalone instance directly, to check what was really written. */
final class EventLog {

    private EventLog() {
    }

    /** Number of stored events per payload type's simple name, e.g. {@code ApplicationSubmittedEvent}. */
    static Map<String, Integer> countsByType(Path dataDir) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = connect(dataDir);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT payloadType, COUNT(*) FROM DomainEventEntry GROUP BY payloadType")) {
            while (rows.next()) {
                String type = rows.getString(1);
                counts.put(type.substring(type.lastIndexOf('.') + 1), rows.getInt(2));
            }
        }
        return counts;
    }

    /** The JSON payloads of every event of a type, keyed by one of their text fields. */
    static Map<String, JsonNode> payloads(Path dataDir, String payloadSimpleName, String keyField) throws Exception {
        Map<String, JsonNode> payloads = new HashMap<>();
        try (Connection connection = connect(dataDir);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT payload FROM DomainEventEntry WHERE payloadType LIKE '%." + payloadSimpleName
                             + "' ORDER BY globalIndex")) {
            while (rows.next()) {
                JsonNode payload = YaohaoProcess.JSON.readTree(rows.getBytes(1));
                payloads.put(payload.get(keyField).asText(), payload);
            }
        }
        return payloads;
    }

    /** Number of events stored for each aggregate whose events include the given payload type. */
    static Map<String, Integer> aggregatesWith(Path dataDir, String payloadSimpleName) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = connect(dataDir);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT aggregateIdentifier, COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE '%."
                             + payloadSimpleName + "' GROUP BY aggregateIdentifier")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }

    /**
     * Rewrites the stored payload of the first event of a type whose text field {@code keyField} is {@code keyValue}:
     * a tampering with the log that only the verification from the log should notice.
     */
    static void rewrite(Path dataDir, String payloadSimpleName, String keyField, String keyValue,
                        java.util.function.UnaryOperator<com.fasterxml.jackson.databind.node.ObjectNode> change)
            throws Exception {
        try (Connection connection = connect(dataDir);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT globalIndex, payload FROM DomainEventEntry WHERE payloadType LIKE '%." + payloadSimpleName
                             + "' ORDER BY globalIndex")) {
            while (rows.next()) {
                JsonNode payload = YaohaoProcess.JSON.readTree(rows.getBytes(2));
                if (keyValue.equals(payload.path(keyField).asText())) {
                    try (var update = connection.prepareStatement(
                            "UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")) {
                        update.setBytes(1, YaohaoProcess.JSON.writeValueAsBytes(
                                change.apply((com.fasterxml.jackson.databind.node.ObjectNode) payload)));
                        update.setLong(2, rows.getLong(1));
                        update.executeUpdate();
                    }
                    return;
                }
            }
        }
        throw new AssertionError("no " + payloadSimpleName + " with " + keyField + " " + keyValue);
    }

    private static Connection connect(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("yaohao"), "sa", "");
    }
}
