package org.yaohao.bench.round;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.yaohao.kernel.draw.DrawResult;
import org.yaohao.kernel.draw.LotteryDraw;
import org.yaohao.kernel.draw.Pool;
import org.yaohao.kernel.draw.SeedCommitment;
import org.yaohao.kernel.round.RoundId;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The full-scale round, end to end in the embedded default: writes a synthetic history of {@code entries} pool
 * entries who paid their deposit for round 2023-ORD-01 into a fresh standalone data directory, starts the real jar on
 * it, and times, over HTTP, the start (projections rebuilt from the log), the freeze, the draw and until the results
 * are queryable, then re-runs the draw from the downloaded pool in this JVM (the pure computation, which must give the
 * published winners). The round runs under policy {@code bench-scale}: 2023-guide with the year's whole ordinary
 * quota (28,600 personal + 1,400 enterprise = 30,000) in this one round.
 * <p>
 * {@code java -cp bench/target/benchmarks.jar org.yaohao.bench.round.RoundAtScale [entries] [dir] [heap] [outcomeWaitMinutes]}
 * (defaults 3000000, target/round-at-scale, 16g, 20), after {@code mvn -q -DskipTests package} built the jar.
 */
public final class RoundAtScale {

    private static final RoundId ROUND = RoundId.of("2023-ORD-01");
    private static final int PORT = 18080;
    private static final String SEED = "5eed5eed00112233445566778899aabbccddeeff00112233445566778899aabb";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> table = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/round-at-scale").toAbsolutePath();
        String heap = args.length > 2 ? args[2] : "16g";
        int outcomeWait = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        new RoundAtScale().run(entries, dir, heap, outcomeWait);
    }

    private void run(int entries, Path dir, String heap, int outcomeWaitMinutes) throws Exception {
        Path jar = Path.of("standalone/target/yaohao.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn -q -DskipTests package` first");
        }
        deleteRecursively(dir);
        Files.createDirectories(dir.resolve("policies"));
        writePolicy(dir.resolve("policies/bench-scale.json"));
        Path data = dir.resolve("data");

        // 1. an empty system creates its schema
        try (App app = App.start(jar, dir, heap, "schema")) {
            app.awaitUp(Duration.ofMinutes(2));
        }

        // 2. the history
        long t = System.nanoTime();
        Population.Written written = writeHistory(data, entries);
        double seconds = seconds(t);
        row("history written", "%,d applications, %,d entries, %,d events in %.0f s (%,.0f events/s)",
            written.applications(), written.entries(), written.events(), seconds, written.events() / seconds);
        row("event store on disk", "%,d MB", Files.size(data.resolve("yaohao.mv.db")) / 1_000_000);

        try (App app = App.start(jar, dir, heap, "round")) {
            // 3. start: the projections are rebuilt from the log
            t = System.nanoTime();
            app.awaitUp(Duration.ofMinutes(10));
            row("start until HTTP answers", "%.1f s", seconds(t));
            app.await("/api/applications/" + written.lastCode(), r -> r.statusCode() == 200, Duration.ofHours(4),
                      Duration.ofSeconds(1));
            double rebuild = seconds(t);
            row("start until the last application is queryable (projections rebuilt from the log)",
                "%.1f s (%,.0f events/s)", rebuild, written.events() / rebuild);
            long live = app.liveHeapBytes();
            row("live heap after a full GC, all projections built", "%,d MB (%,d bytes per application)",
                live / 1_000_000, live / written.applications());

            // 4. the round
            app.post("/api/rounds", "{\"roundId\":\"" + ROUND.value() + "\"}", 201);
            String commitment = SeedCommitment.commit(HexFormat.of().parseHex(SEED));
            app.post("/api/rounds/" + ROUND.value() + "/seed-commitment", "{\"commitment\":\"" + commitment + "\"}", 200);

            t = System.nanoTime();
            app.post("/api/rounds/" + ROUND.value() + "/pool-freeze", "", 200);
            row("freeze (command: event log read as of the cut-off, pools built and recorded)", "%.1f s", seconds(t));
            JsonNode frozen = app.await("/api/rounds/" + ROUND.value(),
                                        r -> r.statusCode() == 200 && r.body().contains("POOLS_FROZEN"),
                                        Duration.ofMinutes(120), Duration.ofSeconds(1));
            // one processor writes the entrants' statuses and then the round: the round shows its pools once every
            // entrant's status lists the round (checked on a sample and the pool's last entry, in the last chunk)
            row("freeze until the round shows its pools and every entrant's status lists the round", "%.1f s",
                seconds(t));
            frozen.get("pools").forEach(pool -> row("pool " + pool.get("pool").asText(),
                    "%,d entries, total weight %,d, quota %,d", pool.get("entryCount").asLong(),
                    pool.get("totalWeight").asLong(), pool.get("quota").asLong()));
            Pool personal = Pool.parse(app.getBytes("/api/rounds/" + ROUND.value() + "/pools/PERSONAL"));
            List<String> entrants = sample(personal, 2_000);
            entrants.add(personal.entry(personal.size() - 1).code());
            int listed = check(app, entrants, code -> "/api/applications/" + code,
                               r -> r.statusCode() == 200 && r.body().contains("\"" + ROUND.value() + "\""));
            row("entrants' statuses listing the round at that moment (sample)", "%,d of %,d", listed,
                entrants.size());

            t = System.nanoTime();
            app.post("/api/rounds/" + ROUND.value() + "/draw", "{\"seed\":\"" + SEED + "\"}", 200);
            row("draw (command: pools read back, digests checked, drawn, recorded)", "%.1f s", seconds(t));
            JsonNode drawn = app.await("/api/rounds/" + ROUND.value(),
                                       r -> r.statusCode() == 200 && r.body().contains("\"DRAWN\""),
                                       Duration.ofMinutes(30));
            row("draw until the round shows its winners and every participant's result is queryable", "%.1f s",
                seconds(t));

            // 5. every participant's result at that moment: a sample across the pool, and the last winners
            List<String> sample = sample(personal, 2_000);
            JsonNode personalPool = poolOf(drawn, "PERSONAL");
            JsonNode winners = personalPool.get("winners");
            for (int i = Math.max(0, winners.size() - 100); i < winners.size(); i++) {
                sample.add(winners.get(i).get("code").asText());
            }
            int answered = check(app, sample, code -> "/api/rounds/" + ROUND.value() + "/results/" + code,
                                 r -> r.statusCode() == 200 && r.body().matches(".*\"drawn\":(true|false).*"));
            row("participants' results answered drawn or not at that moment (sample)", "%,d of %,d", answered,
                sample.size());

            t = System.nanoTime();
            app.post("/api/rounds/" + ROUND.value() + "/results-publication", "", 200);

            // 6. the pure computation, from the published pool, in this JVM: must give the published winners
            byte[] seed = HexFormat.of().parseHex(SEED);
            int quota = personalPool.get("quota").asInt();
            double[] runs = new double[5];
            DrawResult result = null;
            for (int i = 0; i < runs.length; i++) {
                long start = System.nanoTime();
                result = LotteryDraw.draw(ROUND.value() + "/PERSONAL", personal, quota, seed, commitment);
                runs[i] = seconds(start);
            }
            Arrays.sort(runs);
            boolean same = result.winners().size() == winners.size();
            for (int i = 0; same && i < winners.size(); i++) {
                same = result.winners().get(i).code().equals(winners.get(i).get("code").asText());
            }
            row("draw computation alone (" + personal.size() + " entries, " + quota + " winners, median of 5)",
                "%.2f s; re-run gives the published winners in order: %s", runs[2], same);

            // 7. the results process: quota issued, outcome recorded, deposit converted or refund scheduled, per entrant
            String lastOfPool = personal.entry(personal.size() - 1).code();
            try {
                app.await("/api/applications/" + lastOfPool,
                          r -> r.statusCode() == 200 && r.body().contains("REFUND_SCHEDULED")
                               || r.body().contains("CONVERTED"), Duration.ofMinutes(outcomeWaitMinutes),
                          Duration.ofSeconds(1));
                row("publication until every personal entrant's outcome and deposit are recorded", "%.0f s", seconds(t));
            } catch (IllegalStateException e) {
                int done = processed(app, personal);
                row("results process after " + outcomeWaitMinutes + " min", "%,d of %,d personal entrants done "
                    + "(%,.0f per second)", done, personal.size(), done / seconds(t));
            }
            long liveAtEnd = app.liveHeapBytes();
            row("live heap after a full GC at the end", "%,d MB (%,d bytes per application)", liveAtEnd / 1_000_000,
                liveAtEnd / written.applications());
        }
        long disk = directorySize(data);
        row("data directory at the end", "%,d MB (%,d bytes per application)", disk / 1_000_000,
            disk / written.applications());
        print(entries);
    }

    /**
     * Asks once for each code's path and counts the answers that pass; then waits for the others (if any) so that the
     * benchmark goes on with every one of them answered.
     */
    private static int check(App app, List<String> codes, Function<String, String> path,
                             Predicate<HttpResponse<String>> passes) throws Exception {
        int passed = 0;
        for (String code : codes) {
            if (passes.test(app.get(path.apply(code)))) {
                passed++;
            } else {
                app.await(path.apply(code), passes, Duration.ofMinutes(60));
            }
        }
        return passed;
    }

    /** How far the results process got: it goes through the pool in order, so the first entrant not done bounds it. */
    private static int processed(App app, Pool pool) throws Exception {
        int low = 0;
        int high = pool.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            HttpResponse<String> r = app.get("/api/applications/" + pool.entry(mid).code());
            boolean done = r.body().contains("REFUND_SCHEDULED") || r.body().contains("CONVERTED");
            if (done) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static JsonNode poolOf(JsonNode round, String pool) {
        for (JsonNode node : round.get("pools")) {
            if (node.get("pool").asText().equals(pool)) {
                return node;
            }
        }
        throw new IllegalStateException("no pool " + pool + " in " + round);
    }

    private static List<String> sample(Pool pool, int size) {
        SplittableRandom random = new SplittableRandom(7);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < size && pool.size() > 0; i++) {
            codes.add(pool.entry(random.nextInt(pool.size())).code());
        }
        return codes;
    }

    static Population.Written writeHistory(Path data, int entries) throws SQLException {
        String url = "jdbc:h2:file:" + data.resolve("yaohao") + ";WRITE_DELAY=0";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.setAutoCommit(false);
            Connection shared = (Connection) Proxy.newProxyInstance(
                    RoundAtScale.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, arguments) -> "close".equals(method.getName())
                            ? null : method.invoke(connection, arguments));
            ConnectionProvider connections = () -> shared;
            // as Spring Boot configures the application's ObjectMapper, which Axon's JacksonSerializer uses
            ObjectMapper mapper = JsonMapper.builder().findAndAddModules()
                                            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                                            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
            JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
            JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                                                                  .connectionProvider(connections)
                                                                  .transactionManager(
                                                                      org.axonframework.common.transaction
                                                                          .NoTransactionManager.INSTANCE)
                                                                  .eventSerializer(serializer)
                                                                  .snapshotSerializer(serializer)
                                                                  .build();
            Population.Written written = new Population(engine, ROUND, 2023, () -> {
                try {
                    connection.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).write(entries);
            processedLive(connection, serializer);
            return written;
        }
    }

    /**
     * The command side's processors (sagas, the results process) saw this history as it happened: their tokens go to
     * the head, as they would be in a system that ran through it. The query side's projections live in the in-process
     * MongoDB and are rebuilt from the first event at every start, as always.
     */
    private static void processedLive(Connection connection, JacksonSerializer serializer) throws SQLException {
        long head;
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT MAX(globalIndex) FROM DomainEventEntry")) {
            result.next();
            head = result.getLong(1);
        }
        var token = serializer.serialize(GapAwareTrackingToken.newInstance(head, java.util.Set.of()), byte[].class);
        try (var update = connection.prepareStatement("UPDATE TokenEntry SET token = ?, tokenType = ?")) {
            update.setBytes(1, token.getData());
            update.setString(2, token.getType().getName());
            int processors = update.executeUpdate();
            if (processors == 0) {
                throw new IllegalStateException("no command-side tracking tokens to move: was the schema created?");
            }
        }
        connection.commit();
    }

    /** 2023-guide with the year's ordinary quota in its first round, the only ordinary round. */
    static void writePolicy(Path file) throws IOException {
        ObjectNode policy = (ObjectNode) JSON.readTree(
                Path.of("shared-kernel/src/main/resources/policies/2023-guide.json").toFile());
        policy.put("version", Population.POLICY);
        ArrayNode rounds = JSON.createArrayNode();
        for (JsonNode round : policy.get("rounds")) {
            String id = round.get("id").asText();
            if (id.equals(ROUND.value())) {
                ((ObjectNode) round.get("pools").get(0)).put("quota", 28_600);
                ((ObjectNode) round.get("pools").get(1)).put("quota", 1_400);
                rounds.add(round);
            } else if (id.contains("NEV")) {
                rounds.add(round);
            }
        }
        policy.set("rounds", rounds);
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), policy);
    }

    private void row(String what, String format, Object... values) {
        String value = String.format(format, values);
        table.put(what, value);
        System.out.printf("%-90s %s%n", what, value);
    }

    private void print(int entries) {
        System.out.println();
        System.out.printf("RoundAtScale, %,d entries, %d cores, %s%n", entries,
                          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| step | result |");
        System.out.println("|---|---|");
        table.forEach((what, value) -> System.out.println("| " + what + " | " + value + " |"));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static long directorySize(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** The standalone jar as a child process on {@link #PORT}, its output in {@code <dir>/<name>.log}. */
    record App(Process process, String base, Path adminPassword) implements AutoCloseable {

        static App start(Path jar, Path dir, String heap, String name) throws IOException {
            return start(jar, dir, heap, name, List.of());
        }

        /** As {@link #start(Path, Path, String, String)}, with more options for the JVM (a profiler's). */
        static App start(Path jar, Path dir, String heap, String name, List<String> jvmOptions) throws IOException {
            try (java.net.ServerSocket probe = new java.net.ServerSocket(PORT)) {
                probe.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("port " + PORT + " is taken: is an earlier run still going?", e);
            }
            List<String> command = new ArrayList<>(List.of("java", "-Xmx" + heap));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString(),
                                   "--server.port=" + PORT,
                                   "--yaohao.data-dir=" + dir.resolve("data"),
                                   "--yaohao.policy.directory=" + dir.resolve("policies"),
                                   "--yaohao.policy.active=" + Population.POLICY));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve(name + ".log").toFile())
                    .start();
            return new App(process, "http://127.0.0.1:" + PORT, dir.resolve("data/initial-admin-password"));
        }

        void awaitUp(Duration timeout) throws Exception {
            await("/api/rounds", r -> r.statusCode() == 200, timeout);
        }

        JsonNode await(String path, Predicate<HttpResponse<String>> done, Duration timeout) throws Exception {
            return await(path, done, timeout, Duration.ofMillis(50));
        }

        /** Polls every {@code interval}: long waits poll seldom, so that the polling does not slow what it waits for. */
        JsonNode await(String path, Predicate<HttpResponse<String>> done, Duration timeout, Duration interval)
                throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the application stopped (exit " + process.exitValue() + ")");
                }
                try {
                    HttpResponse<String> response = get(path);
                    if (done.test(response)) {
                        return response.body().isEmpty() ? null : JSON.readTree(response.body());
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(interval.toMillis());
            }
            throw new IllegalStateException(path + " not as expected within " + timeout);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return HTTP.send(request(path).timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
        }

        byte[] getBytes(String path) throws IOException, InterruptedException {
            return HTTP.send(request(path).timeout(Duration.ofMinutes(5)).build(),
                             HttpResponse.BodyHandlers.ofByteArray()).body();
        }

        void post(String path, String body, int expected) throws IOException, InterruptedException {
            HttpResponse<String> response = HTTP.send(
                    request(path).timeout(Duration.ofMinutes(30))
                               .header("Content-Type", "application/json")
                               .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                                                + response.body());
            }
        }

        /** As the first-start administrator (its password is in the data directory once the system has started). */
        HttpRequest.Builder request(String path) throws IOException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            if (Files.exists(adminPassword)) {
                String credentials = "admin:" + Files.readString(adminPassword).trim();
                request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            return request;
        }

        /** The application's used heap in MB, from its own JVM (jcmd GC.heap_info). */
        /** The heap in use right after a full collection: what the application keeps (-1 if jcmd cannot tell). */
        long liveHeapBytes() {
            try {
                jcmd("GC.run");
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
                return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
            } catch (IOException | InterruptedException e) {
                return -1;
            }
        }

        private String jcmd(String command) throws IOException, InterruptedException {
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(process.pid()), command)
                    .redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor();
            return out;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
