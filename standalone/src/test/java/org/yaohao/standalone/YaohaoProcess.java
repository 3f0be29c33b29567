package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaohao.command.calendar.FixedDateHolidays;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A packaged jar as a separate JVM on a free port, talked to over real HTTP: what a user runs, killed the way a
 * machine dies ({@link #kill()} is SIGKILL). The standalone jar ({@code standalone/target/yaohao.jar}) by default, or
 * the command side's or query side's executable jar with its settings in environment variables, as a container gets
 * them ({@link #startJar}).
 */
final class YaohaoProcess implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How long a jar may take to answer HTTP: a few seconds alone, minutes on a machine shared with other builds
     * (240 s, or {@code -Dyaohao.it.start-seconds}).
     */
    private static final long STARTUP_SECONDS = Long.getLong("yaohao.it.start-seconds", 240);
    /** Headers that send a request without credentials. */
    static final Map<String, String> ANONYMOUS = Map.of("Authorization", "");
    /** Staff users of the {@code demo} profile ({@code application-demo.properties}), which the tests start with. */
    static final Map<String, String> CLERK_7 = basic("clerk-7", "clerk-7-demo");
    static final Map<String, String> CLERK_9 = basic("clerk-9", "clerk-9-demo");
    static final Map<String, String> REGULATOR = basic("regulator-1", "regulator-1-demo");
    static final Map<String, String> ANALYST = basic("analyst-1", "analyst-1-demo");
    /** How long a jar may take to answer HTTP: a few seconds alone, minutes on a machine shared with other builds. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path jar;
    private final Path dataDir;
    private final Map<String, String> environment;
    private final List<String> extraArgs;
    private final int port;
    private final Process process;
    private final Path log;
    private Map<String, String> admin = Map.of();

    private YaohaoProcess(Path jar, Path dataDir, Map<String, String> environment, List<String> extraArgs)
            throws IOException {
        this.jar = jar;
        this.dataDir = dataDir;
        this.environment = environment;
        this.extraArgs = extraArgs;
        this.port = freePort();
        // logs stay in target/it-logs after the test, for whoever reads a failure
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        String name = jar.getFileName().toString().replaceFirst("-\\d.*|\\.jar$", "");
        this.log = Files.createTempFile(logs, name + "-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", jar.toString(), "--server.port=" + port, "--yaohao.data-dir=" + dataDir));
        if (jar.equals(jar())) {
            command.add("--spring.profiles.active=demo"); // the standalone jar's demonstration staff users
        }
        if (extraArgs.stream().noneMatch(arg -> arg.startsWith("--yaohao.calendar.directory="))) {
            // the tests' clocks run from today, whatever year that is, up to 400 days on: years past the shipped
            // calendars get their fixed-date holidays (ignored by the query side)
            int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
            command.add("--yaohao.calendar.directory=" + FixedDateHolidays.writeMissingYears(
                    Path.of("target", "it-calendar").toAbsolutePath(), year - 1, year + 2));
        }
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        this.process = builder.start();
    }

    /**
     * Starts the standalone jar on {@code dataDir} and waits until it answers HTTP. Requests go as the first-start
     * administrator (password from {@code <data-dir>/initial-admin-password}) unless they carry their own
     * {@code Authorization}.
     */
    static YaohaoProcess start(Path dataDir, String... extraArgs) throws Exception {
        return startJar(jar(), dataDir, Map.of(), extraArgs);
    }

    /**
     * Starts the given executable jar on {@code dataDir}, with these environment variables added to the test's, and
     * waits until it answers HTTP.
     */
    static YaohaoProcess startJar(Path jar, Path dataDir, Map<String, String> environment, String... extraArgs)
            throws Exception {
        YaohaoProcess app = new YaohaoProcess(jar, dataDir, Map.copyOf(environment), List.of(extraArgs));
        try {
            app.awaitUp();
        } catch (Exception | AssertionError notUp) {
            app.kill(); // a jar that did not come up is not left running behind the failed test
            throw notUp;
        }
        Path adminPassword = dataDir.resolve("initial-admin-password");
        if (Files.exists(adminPassword)) { // not in oauth2 mode
            app.admin = basic("admin", Files.readString(adminPassword).trim());
        }
        return app;
    }

    /** The {@code Authorization} header of HTTP Basic. */
    static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The {@code Authorization} header of a bearer token (an applicant's). */
    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** The administrator's {@code Authorization} header. */
    Map<String, String> admin() {
        return admin;
    }

    /** The same jar, data directory and settings, started again. */
    YaohaoProcess restart() throws Exception {
        close();
        return startJar(jar, dataDir, environment, extraArgs.toArray(String[]::new));
    }

    static Path jar() {
        return jar("yaohao.jar", "target/yaohao.jar");
    }

    /** A packaged jar named by a system property the build sets (see the failsafe configuration). */
    static Path jar(String property, String fallback) {
        Path jar = Path.of(System.getProperty(property, fallback));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests with 'mvn verify' so the jar is built");
        }
        return jar;
    }

    private void awaitUp() throws Exception {
        Instant deadline = Instant.now().plusSeconds(STARTUP_SECONDS);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(jar.getFileName() + " exited with " + process.exitValue() + ":\n"
                        + logTail());
            }
            try {
                if (get("/v3/api-docs").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(jar.getFileName() + " did not start within " + STARTUP_SECONDS + " s:\n"
                + logTail());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, Map.of());
    }

    HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        withHeaders(request, headers);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void withHeaders(HttpRequest.Builder request, Map<String, String> headers) {
        if (!headers.containsKey("Authorization")) {
            admin.forEach(request::header);
        }
        headers.forEach((name, value) -> {
            if (!value.isEmpty()) {
                request.header(name, value);
            }
        });
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        withHeaders(request, headers);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, Map.of());
    }

    /** Polls the application's status until it satisfies the condition. */
    JsonNode awaitStatus(String code, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = get("/api/applications/" + code);
            if (response.statusCode() == 200) {
                last = JSON.readTree(response.body());
                if (condition.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("application " + code + " did not reach the expected state; last seen: " + last);
    }

    JsonNode awaitStatus(String code, String status) throws Exception {
        return awaitStatus(code, view -> status.equals(view.path("status").asText()));
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                kill();
            }
        }
    }

    /** Everything the process wrote to its console so far. */
    String log() throws IOException {
        return Files.readString(log);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    int port() {
        return port;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
