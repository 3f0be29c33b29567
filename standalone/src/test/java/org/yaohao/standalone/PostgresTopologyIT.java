package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/**
 * The production topology without Axon Server (profile {@code postgres}): the command side and the query side as two
 * separate JVMs started from their packaged jars with their settings in environment variables, sharing Axon's JDBC
 * event store in a real PostgreSQL, the query side's read models and tracking tokens in a MongoDB wire-protocol
 * server (mongo-java-server, in this test's JVM). Commands go to one process over HTTP, answers come from the other;
 * a second command-side instance shares the event store with the first.
 * <p>
 * Needs a PostgreSQL: {@code YAOHAO_IT_POSTGRES_URL} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/yaohao}),
 * {@code YAOHAO_IT_POSTGRES_USER}, {@code YAOHAO_IT_POSTGRES_PASSWORD}. Skipped when none is configured; CI's
 * {@code .ci/run} installs and starts one and sets them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresTopologyIT {

    private static final String STATUS_PROCESSOR = "query-projections";
    /** The demo profile's counter clerk at Haidian, configured on the command sides (no demo profile there). */
    private static final String[] CLERK_7 = {
            "--yaohao.security.users.clerk-7.role=CLERK", "--yaohao.security.users.clerk-7.district=HAIDIAN",
            "--yaohao.security.users.clerk-7.password-hash="
                    + "{bcrypt}$2a$10$jtnd/nZXVsy2r5TNdzjOIu6iV/4Nkhkrzt6dM7a25uti.13Y0aU2e"};

    private Path work;
    private PostgresSchema postgres;
    private MongoServer mongo;
    private MongoClient mongoClient;
    private YaohaoProcess commandSide;
    private YaohaoProcess secondCommandSide;
    private YaohaoProcess querySide;

    private static final String NOT_CONFIGURED = "no PostgreSQL configured: set " + PostgresSchema.URL_VARIABLE
            + " (and YAOHAO_IT_POSTGRES_USER, YAOHAO_IT_POSTGRES_PASSWORD) to run the two-process topology test;"
            + " .ci/run does";

    @BeforeAll
    void startTopology() throws Exception {
        String url = PostgresSchema.configuredUrl().orElse(null);
        if (url == null) {
            System.err.println("PostgresTopologyIT skipped: " + NOT_CONFIGURED);
            return;
        }
        work = Files.createTempDirectory("yaohao-topology-");
        postgres = PostgresSchema.create(url);
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        mongoClient = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());

        Map<String, String> database = Map.of(
                "SPRING_PROFILES_ACTIVE", "postgres",
                "YAOHAO_POSTGRES_URL", postgres.url(),
                "YAOHAO_POSTGRES_USER", postgres.user(),
                "YAOHAO_POSTGRES_PASSWORD", postgres.password());
        // the command side creates the event store's tables; the query side and a second command side use them
        Path commandJar = YaohaoProcess.jar("yaohao.command-side.jar", "../command-side/target/command-side-exec.jar");
        commandSide = YaohaoProcess.startJar(commandJar, work.resolve("command-side"), database, CLERK_7);
        Map<String, String> queryEnvironment = new HashMap<>(database);
        queryEnvironment.put("YAOHAO_MONGO_URI", "mongodb://127.0.0.1:" + address.getPort());
        queryEnvironment.put("YAOHAO_MONGO_ENSURE_INDEXES", "false"); // mongo-java-server has no compound indexes
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            Future<YaohaoProcess> query = starting.submit(() -> YaohaoProcess.startJar(
                    YaohaoProcess.jar("yaohao.query-side.jar", "../query-side/target/query-side-exec.jar"),
                    work.resolve("query-side"), queryEnvironment));
            Future<YaohaoProcess> secondCommand = starting.submit(() -> YaohaoProcess.startJar(
                    commandJar, work.resolve("command-side-2"), database, CLERK_7));
            querySide = query.get();
            secondCommandSide = secondCommand.get();
        } finally {
            starting.shutdown();
        }
    }

    @BeforeEach
    void requirePostgres() {
        assumeTrue(postgres != null, NOT_CONFIGURED);
    }

    @AfterAll
    void stopTopology() throws Exception {
        for (YaohaoProcess process : new YaohaoProcess[]{querySide, secondCommandSide, commandSide}) {
            if (process != null) {
                process.close();
            }
        }
        if (mongoClient != null) {
            mongoClient.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (work != null) {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    @Test
    @Order(1)
    void anApplicationSubmittedToTheCommandSideIsReadFromTheQuerySide() throws Exception {
        HttpResponse<String> created = commandSide.post("/api/applications", Samples.individual(Samples.PASSES_HUKOU),
                YaohaoProcess.CLERK_7);
        assertThat(created.statusCode()).isEqualTo(201);
        String code = JSON.readTree(created.body()).get("code").asText();

        JsonNode view = querySide.awaitStatus(code, "PREQUALIFIED");
        assertThat(view.get("applicantIdNumber").asText()).isEqualTo("110101********0017");
        assertThat(view.get("timeline")).hasSize(2);
        assertThat(view.get("timeline").get(0).get("district").asText()).isEqualTo("HAIDIAN");
        assertThat(view.get("timeline").get(1).get("actingUser").asText()).isEqualTo("system:prequalification");

        assertThat(postgres.eventsOf(code)).as("the events are in PostgreSQL")
                .containsExactly("ApplicationSubmittedEvent", "ApplicationPrequalifiedEvent");
        assertThat(postgres.columnType("domainevententry", "payload")).isEqualTo("bytea");
        assertThat(postgres.columnType("tokenentry", "token")).isEqualTo("bytea");
        assertThat(postgres.columnType("sagaentry", "serializedsaga")).isEqualTo("bytea");

        HttpResponse<String> again = commandSide.post("/api/applications", Samples.individual(Samples.PASSES_HUKOU));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("conflictingApplicationCode").asText()).isEqualTo(code);
    }

    @Test
    @Order(2)
    void concurrentSubmissionsToTwoCommandSidesNeverBindAPersonTwice() throws Exception {
        // per person, four submissions at the same instant, two to each instance: only PostgreSQL's unique key on
        // the person's claim stream can decide between the instances; the loser is told who holds the person
        Random random = new Random(11);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        Map<String, List<Integer>> statuses = new HashMap<>();
        try {
            for (int person = 0; person < 30; person++) {
                String idNumber = Samples.randomIdNumber(random);
                CyclicBarrier together = new CyclicBarrier(4);
                List<Callable<Integer>> submissions = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    YaohaoProcess instance = i % 2 == 0 ? commandSide : secondCommandSide;
                    submissions.add(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return instance.post("/api/applications", Samples.individual(idNumber)).statusCode();
                    });
                }
                for (Future<Integer> status : clients.invokeAll(submissions)) {
                    statuses.computeIfAbsent(idNumber, id -> new ArrayList<>()).add(status.get());
                }
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(statuses.values()).allSatisfy(answers -> {
            assertThat(answers).as("each submission accepted or refused as a conflict, never failed")
                               .allMatch(status -> status == 201 || status == 409);
            assertThat(answers).contains(201);
        });
        // a person unknown to the registry is rejected and released, and may then be claimed again, but never twice
        // without a release in between
        Map<String, List<String>> claims = postgres.streamsStartingWith("P-");
        assertThat(claims).hasSizeGreaterThanOrEqualTo(30);
        assertThat(claims.values()).allSatisfy(stream -> {
            for (int i = 0; i < stream.size(); i++) {
                assertThat(stream.get(i)).isEqualTo(i % 2 == 0 ? "ApplicantClaimedEvent" : "ApplicantReleasedEvent");
            }
        });
    }

    @Test
    @Order(3)
    void healthAndMetricsShowTheEnginesAndTheProjections() throws Exception {
        JsonNode commandHealth = JSON.readTree(commandSide.get("/actuator/health").body());
        assertThat(commandHealth.get("status").asText()).isEqualTo("UP");
        assertThat(commandHealth.at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");

        JsonNode queryHealth = awaitJson(querySide, "/actuator/health",
                health -> health.at("/components/processorLag/details/" + STATUS_PROCESSOR + "/lag").asInt(-1) == 0);
        assertThat(queryHealth.get("status").asText()).isEqualTo("UP");
        assertThat(queryHealth.at("/components/mongo/status").asText()).isEqualTo("UP");
        assertThat(queryHealth.at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
        assertThat(queryHealth.at("/components/processorLag/details/" + STATUS_PROCESSOR + "/claimedHere").asBoolean())
                .isTrue();

        String commandMetrics = commandSide.get("/actuator/prometheus").body();
        assertThat(sum(commandMetrics, "commandBus_successCounter_total", "payloadType=\"SubmitApplicationCommand\""))
                .isGreaterThanOrEqualTo(2);
        assertThat(sum(commandMetrics, "eventStore_ingestedCounter_total", "")).isGreaterThan(0);
        String queryMetrics = querySide.get("/actuator/prometheus").body();
        assertThat(queryMetrics).contains("yaohao_processor_lag_events{application=\"yaohao-query-side\",processor=\""
                + STATUS_PROCESSOR + "\"} 0.0");
        assertThat(sum(queryMetrics, "queryBus_successTimer_seconds_count",
                "payloadType=\"FindApplicationStatusQuery\"")).isGreaterThan(0);
        assertThat(sum(queryMetrics, "eventProcessor_latency", "processorName=\"" + STATUS_PROCESSOR + "\""))
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    @Order(4)
    void aKilledQuerySideResumesFromItsTokenWithNoEventMissedAndNoneAppliedTwice() throws Exception {
        List<String> accepted = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(3);
        List<Future<?>> submitting = new ArrayList<>();
        for (int client = 0; client < 3; client++) {
            Random random = new Random(100 + client);
            submitting.add(clients.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    HttpResponse<String> response = commandSide.post("/api/applications",
                            Samples.individual(Samples.randomIdNumber(random)));
                    assertThat(response.statusCode()).isEqualTo(201);
                    accepted.add(JSON.readTree(response.body()).get("code").asText());
                    Thread.sleep(100);
                }
                return null;
            }));
        }
        MongoDatabase queryStore = mongoClient.getDatabase("yaohao");
        Instant deadline = Instant.now().plusSeconds(60);
        while (queryStore.getCollection("application_status").countDocuments(in("_id", List.copyOf(accepted))) < 15
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        querySide.kill(); // mid-stream: it has projected some of them, submissions go on while it is down
        Document token = queryStore.getCollection("tracking_tokens")
                                   .find(eq("processorName", STATUS_PROCESSOR)).first();
        assertThat(token).as("the projection stored its progress before it was killed").isNotNull();
        JsonNode position = JSON.readTree(((Binary) token.get("token")).getData());

        for (Future<?> client : submitting) {
            client.get(120, TimeUnit.SECONDS);
        }
        clients.shutdown();
        assertThat(accepted).hasSize(75);
        // pre-qualification (on the command side) rejects every one of them: unknown to the registry
        awaitCount(75, "SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE '%.ApplicationRejectedEvent'"
                + " AND aggregateidentifier = ANY (?)", (Object) accepted.toArray(String[]::new));
        long total = postgres.count("SELECT COUNT(*) FROM domainevententry");
        long afterToken = postgres.count(
                "SELECT COUNT(*) FROM domainevententry WHERE globalindex > ? OR globalindex = ANY (?)",
                position.get("index").asLong(), gaps(position));
        assertThat(afterToken).as("events were stored while the query side was down").isGreaterThan(0);

        querySide = querySide.restart();
        for (String code : accepted) {
            JsonNode view = querySide.awaitStatus(code, "REJECTED");
            List<String> timeline = StreamSupport.stream(view.get("timeline").spliterator(), false)
                                                 .map(entry -> entry.get("event").asText()).toList();
            assertThat(timeline).as("application %s: every event once, in order", code)
                                .containsExactly("ApplicationSubmitted", "ApplicationRejected");
            assertThat(postgres.eventsOf(code)).hasSize(timeline.size());
        }
        assertThat(queryStore.getCollection("application_status").countDocuments())
                .as("one document per application, none twice")
                .isEqualTo(postgres.count("SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE ?",
                        "%.ApplicationSubmittedEvent"));

        // the restarted projections read on from their token: they did not go through the whole event store again
        // (the catch-up at start handed them what was stored while the query side was down, the processor the rest)
        String metrics = querySide.get("/actuator/prometheus").body();
        long caughtUp = (long) sum(metrics, "yaohao_projections_catch_up_events_total",
                "processor=\"" + STATUS_PROCESSOR + "\"", true);
        long handledSinceRestart = caughtUp + (long) sum(metrics, "eventProcessor_ingestedCounter_total",
                "processorName=\"" + STATUS_PROCESSOR + "\"", false);
        assertThat(caughtUp).as("the catch-up handled the events stored while the query side was down")
                            .isGreaterThanOrEqualTo(afterToken);
        assertThat(handledSinceRestart).isGreaterThanOrEqualTo(afterToken).isLessThan(total);
        assertThat(querySide.log() + commandSide.log()).as("no ID number unmasked in the logs")
                .doesNotContain(Samples.PASSES_HUKOU);
    }

    private static long[] gaps(JsonNode position) {
        JsonNode gaps = position.path("gaps");
        long[] values = new long[gaps.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = gaps.get(i).asLong();
        }
        return values;
    }

    private void awaitCount(long expected, String sql, Object... parameters) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        long last = -1;
        while (Instant.now().isBefore(deadline)) {
            last = postgres.count(sql, parameters);
            if (last == expected) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + expected + " from " + sql + ", last saw " + last);
    }

    private static JsonNode awaitJson(YaohaoProcess process, String path,
                                      java.util.function.Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = JSON.readTree(process.get(path).body());
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " never met the condition; last: " + last);
    }

    /** The sum of a Prometheus metric's samples whose labels contain the given text, which must be exposed. */
    private static double sum(String exposition, String metric, String labels) {
        return sum(exposition, metric, labels, true);
    }

    /** The sum of a Prometheus metric's samples whose labels contain the given text; 0 if not exposed and not required. */
    private static double sum(String exposition, String metric, String labels, boolean required) {
        Matcher samples = Pattern.compile("^" + Pattern.quote(metric) + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE)
                                 .matcher(exposition);
        double sum = 0;
        boolean found = false;
        while (samples.find()) {
            if (samples.group(1).contains(labels)) {
                sum += Double.parseDouble(samples.group(2));
                found = true;
            }
        }
        assertThat(found || !required).as("%s{%s} is exposed", metric, labels).isTrue();
        return sum;
    }
}
