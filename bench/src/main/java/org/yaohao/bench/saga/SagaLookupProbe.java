package org.yaohao.bench.saga;

import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * What finding a saga costs in the embedded event store's H2 database as live processes pile up: every deposit has
 * a refund process (two associations, its deposit and its application) until it is refunded, so a round of
 * 3,000,000 entrants holds 6,000,000 associations, and every event such a process handles first looks its sagas up.
 * Builds Axon's saga tables as Axon creates them (no index on the associations), fills them with N processes, and
 * measures Axon's {@link JdbcSagaStore} finding a process by association and loading one, first as Axon leaves the
 * tables, then after the command side's {@code saga-association-indexes.sql} (the script it runs at every start,
 * read from the source tree).
 * <p>
 * Usage, from the project directory: {@code java -cp bench/target/benchmarks.jar
 * org.yaohao.bench.saga.SagaLookupProbe [processes] [dir] [seconds per measurement]} (defaults 1000000
 * target/saga-probe 10).
 */
public final class SagaLookupProbe {

    private static final Path INDEXES = Path.of("command-side/src/main/resources/saga-association-indexes.sql");
    private static final String TYPE = Process.class.getName();

    /** Stands for a process's state: the probe measures the look-up, not the state's size. */
    public static final class Process {
        public String depositId;
    }

    private record Row(String tables, String operation, int done, double seconds) {
    }

    public static void main(String[] args) throws Exception {
        int processes = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/saga-probe").toAbsolutePath();
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        deleteRecursively(dir);
        Files.createDirectories(dir);
        String url = "jdbc:h2:file:" + dir.resolve("probe") + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1";

        JdbcSagaStore store = JdbcSagaStore.builder()
                                           .connectionProvider(() -> DriverManager.getConnection(url, "sa", ""))
                                           .sqlSchema(new GenericSagaSqlSchema())
                                           .serializer(JacksonSerializer.defaultSerializer())
                                           .build();
        store.createSchema();
        long start = System.nanoTime();
        fill(url, processes);
        System.out.printf("%,d processes (%,d associations) written in %.1f s; %s %s, %d cores%n%n", processes,
                          2L * processes, (System.nanoTime() - start) / 1e9, System.getProperty("java.vm.name"),
                          System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        List<Row> rows = new ArrayList<>(measure("as Axon creates them", store, processes, seconds));
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            ScriptUtils.executeSqlScript(connection, new FileSystemResource(INDEXES)); // as JdbcSchema runs it
        }
        rows.addAll(measure("with saga-association-indexes.sql", store, processes, seconds));

        System.out.println("| saga tables | operation | done | seconds | per second | ms each |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (Row row : rows) {
            System.out.printf("| %s | %s | %,d | %.1f | %,.1f | %,.3f |%n", row.tables, row.operation, row.done,
                              row.seconds, row.done / row.seconds, 1000 * row.seconds / row.done);
        }
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("SHUTDOWN");
        }
        deleteRecursively(dir);
    }

    /** N processes with a deposit id and an application code each, as the refund process associates them. */
    private static void fill(String url, int processes) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.setAutoCommit(false);
            try (PreparedStatement saga = connection.prepareStatement(
                    "INSERT INTO SagaEntry (sagaId, revision, sagaType, serializedSaga) VALUES (?, NULL, ?, ?)");
                 PreparedStatement association = connection.prepareStatement(
                         "INSERT INTO AssociationValueEntry (associationKey, associationValue, sagaType, sagaId)"
                                 + " VALUES (?, ?, ?, ?)")) {
                byte[] state = "{\"depositId\":null}".getBytes();
                for (int i = 0; i < processes; i++) {
                    String id = "saga-" + i;
                    saga.setString(1, id);
                    saga.setString(2, TYPE);
                    saga.setBytes(3, state);
                    saga.addBatch();
                    for (String[] value : new String[][]{{"depositId", depositId(i)}, {"code", code(i)}}) {
                        association.setString(1, value[0]);
                        association.setString(2, value[1]);
                        association.setString(3, TYPE);
                        association.setString(4, id);
                        association.addBatch();
                    }
                    if (i % 10_000 == 9_999 || i == processes - 1) {
                        saga.executeBatch();
                        association.executeBatch();
                        connection.commit();
                    }
                }
            }
        }
    }

    private static List<Row> measure(String tables, JdbcSagaStore store, int processes, double seconds) {
        SplittableRandom random = new SplittableRandom(2023);
        List<Row> rows = new ArrayList<>();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        int found = 0;
        do {
            int i = random.nextInt(processes);
            var sagas = store.findSagas(Process.class, new AssociationValue("depositId", depositId(i)));
            if (!sagas.contains("saga-" + i)) {
                throw new IllegalStateException("process " + i + " not found: " + sagas);
            }
            found++;
        } while (System.nanoTime() < deadline);
        rows.add(new Row(tables, "find a process by its deposit id", found, (System.nanoTime() - start) / 1e9));

        deadline = System.nanoTime() + (long) (seconds * 1e9);
        start = System.nanoTime();
        int loaded = 0;
        do {
            int i = random.nextInt(processes);
            var entry = store.loadSaga(Process.class, "saga-" + i);
            if (entry == null || entry.associationValues().size() != 2) {
                throw new IllegalStateException("process " + i + " not loaded with its two associations");
            }
            loaded++;
        } while (System.nanoTime() < deadline);
        rows.add(new Row(tables, "load a process and its associations", loaded, (System.nanoTime() - start) / 1e9));
        return rows;
    }

    private static String depositId(int i) {
        return code(i) + "-D1";
    }

    private static String code(int i) {
        return String.format("%012d", i);
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
