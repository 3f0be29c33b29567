package org.yaohao.standalone;

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
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("yaohao"), "sa", "");
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT payloadType, COUNT(*) FROM DomainEventEntry GROUP BY payloadType")) {
            while (rows.next()) {
                String type = rows.getString(1);
                counts.put(type.substring(type.lastIndexOf('.') + 1), rows.getInt(2));
            }
        }
        return counts;
    }

    /** Number of events stored for each aggregate whose events include the given payload type. */
    static Map<String, Integer> aggregatesWith(Path dataDir, String payloadSimpleName) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("yaohao"), "sa", "");
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT aggregateIdentifier, COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE '%."
                             + payloadSimpleName + "' GROUP BY aggregateIdentifier")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
