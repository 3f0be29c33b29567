package org.yaohao.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaohao.kernel.common.Channel;
import org.yaohao.kernel.population.SyntheticApplicant;
import org.yaohao.kernel.population.SyntheticPopulation;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Ingest, end to end in the embedded default: a synthetic population ({@link SyntheticPopulation}, seed 2023) and its
 * registry file; per run a fresh data directory and the real standalone jar reading that registry
 * ({@code yaohao.registry.file}); a warm-up of {@code warmup} applications submitted and decided first; then
 * {@code applications} more submitted over HTTP ({@code POST /api/applications}, anonymous, {@code X-Channel} APP or
 * WEB as generated; the counter's share goes as WEB, a clerk's sign-in is not what is measured) by {@code clients}
 * concurrent clients, timed until the query side's statistics ({@code GET /api/statistics/prequalification}) count
 * every one of them decided (pre-qualified or rejected; manual review would count too and is reported).
 * <p>
 * {@code java -cp bench/target/benchmarks.jar org.yaohao.bench.ingest.IngestLoad [applications] [clients] [runs]
 * [warmup] [dir] [heap]} (defaults 20000 16 3 2000 target/ingest 2g), after {@code mvn -q -DskipTests package}
 * built the standalone jar. With {@code -Dingest.jfr=file.jfr} the first run's measured phase is profiled (JFR,
 * 30 s, settings=profile).
 */
public final class IngestLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PORT = 18090;
    private static final long SEED = 2023;

    record Run(int submitted, int failedRequests, double submitSeconds, double decidedSeconds, long p50Micros,
               long p99Micros, long maxMicros, long prequalified, long rejected, long manualReview) {
    }

    public static void main(String[] args) throws Exception {
        int applications = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        Path dir = Path.of(args.length > 4 ? args[4] : "target/ingest").toAbsolutePath();
        String heap = args.length > 5 ? args[5] : "2g";
        Path jar = Path.of("standalone/target/yaohao.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn -q -DskipTests package` first");
        }

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long t = System.nanoTime();
        SyntheticPopulation population = SyntheticPopulation.generate(SEED, warmup + applications, today);
        deleteRecursively(dir);
        Files.createDirectories(dir);
        Path registry = dir.resolve("registry.json");
        population.writeRegistry(registry);
        System.out.printf("population: %,d applications (%,d expected to fail pre-qualification), registry %,d MB, "
                          + "generated in %.1f s%n", population.applicants().size(),
                          population.expectedRejections().values().stream().mapToInt(Integer::intValue).sum(),
                          Files.size(registry) / 1_000_000, seconds(t));
        List<SyntheticApplicant> warm = population.applicants().subList(0, warmup);
        List<SyntheticApplicant> measured = population.applicants().subList(warmup, warmup + applications);
        long expectedRejected = measured.stream().filter(a -> !a.expectedToPass()).count();
        long warmupRejected = warm.stream().filter(a -> !a.expectedToPass()).count();

        List<Run> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path data = dir.resolve("data-" + run);
            try (App app = App.start(jar, dir, data, registry, heap, "run-" + run)) {
                app.awaitUp(Duration.ofMinutes(3));
                if (!warm.isEmpty()) {
                    submit(app, warm, clients);
                    app.awaitDecided(warmup, Duration.ofMinutes(10));
                }
                if (run == 1 && System.getProperty("ingest.jfr") != null) { // profile the first measured run
                    String file = Path.of(System.getProperty("ingest.jfr")).toAbsolutePath().toString();
                    new ProcessBuilder("jcmd", Long.toString(app.process().pid()), "JFR.start", "duration=30s",
                                       "filename=" + file, "settings=profile").inheritIO().start().waitFor();
                }
                Run measuredRun = measure(app, measured, clients, warmup);
                results.add(measuredRun);
                System.out.printf("run %d: %s%n", run, measuredRun);
                if (measuredRun.rejected() != expectedRejected + warmupRejected) {
                    System.out.printf("  note: %,d rejected in all, the population meant %,d%n",
                                      measuredRun.rejected(), expectedRejected + warmupRejected);
                }
            }
        }
        print(applications, clients, warmup, heap, results);
    }

    private static Run measure(App app, List<SyntheticApplicant> applicants, int clients, int before)
            throws Exception {
        long start = System.nanoTime();
        Submitted submitted = submit(app, applicants, clients);
        double submitSeconds = seconds(start);
        long[] decided = app.awaitDecided(before + applicants.size(), Duration.ofMinutes(30));
        double decidedSeconds = seconds(start);
        long[] latencies = submitted.micros();
        Arrays.sort(latencies);
        return new Run(applicants.size(), submitted.failed(), submitSeconds, decidedSeconds,
                       percentile(latencies, 0.50), percentile(latencies, 0.99), latencies[latencies.length - 1],
                       decided[1], decided[2], decided[3]);
    }

    private record Submitted(long[] micros, int failed) {
    }

    /** Every application submitted once by {@code clients} threads taking the next one in turn. */
    private static Submitted submit(App app, List<SyntheticApplicant> applicants, int clients) throws Exception {
        long[] micros = new long[applicants.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < applicants.size(); i = next.getAndIncrement()) {
                        SyntheticApplicant applicant = applicants.get(i);
                        String channel = applicant.channel() == Channel.APP ? "APP" : "WEB";
                        long t = System.nanoTime();
                        HttpResponse<String> response = app.post("/api/applications", applicant.requestJson(),
                                                                  channel);
                        micros[i] = (System.nanoTime() - t) / 1_000;
                        if (response.statusCode() != 201) {
                            if (failed.incrementAndGet() <= 5) {
                                System.out.printf("  submit %d answered %d: %s%n", i, response.statusCode(),
                                                  response.body());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Submitted(micros, failed.get());
    }

    private static void print(int applications, int clients, int warmup, String heap, List<Run> results) {
        System.out.println();
        System.out.printf("IngestLoad: %,d applications after a warm-up of %,d, %d clients, -Xmx%s, %d cores, Java %s%n",
                          applications, warmup, clients, heap, Runtime.getRuntime().availableProcessors(),
                          System.getProperty("java.version"));
        System.out.println("| run | submitted/s | decided end to end/s | submit p50 ms | submit p99 ms | submit max ms "
                           + "| all submitted s | all decided s | pre-qualified ¹ | rejected ¹ | manual review ¹ "
                           + "| failed requests |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < results.size(); i++) {
            Run r = results.get(i);
            System.out.printf("| %d | %,.0f | %,.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %,d | %,d | %,d | %d |%n",
                              i + 1, r.submitted() / r.submitSeconds(), r.submitted() / r.decidedSeconds(),
                              r.p50Micros() / 1e3, r.p99Micros() / 1e3, r.maxMicros() / 1e3, r.submitSeconds(),
                              r.decidedSeconds(), r.prequalified(), r.rejected(), r.manualReview(),
                              r.failedRequests());
        }
        System.out.printf("| median | %,.0f | %,.0f | %.1f | %.1f | | %.1f | %.1f | | | | |%n",
                          median(results.stream().mapToDouble(r -> r.submitted() / r.submitSeconds()).toArray()),
                          median(results.stream().mapToDouble(r -> r.submitted() / r.decidedSeconds()).toArray()),
                          median(results.stream().mapToDouble(r -> r.p50Micros() / 1e3).toArray()),
                          median(results.stream().mapToDouble(r -> r.p99Micros() / 1e3).toArray()),
                          median(results.stream().mapToDouble(Run::submitSeconds).toArray()),
                          median(results.stream().mapToDouble(Run::decidedSeconds).toArray()));
        System.out.println("¹ warm-up included");
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** The standalone jar as a child process on {@link #PORT}, its output in {@code <dir>/<name>.log}. */
    private record App(Process process, String base, HttpClient http, Path adminPassword) implements AutoCloseable {

        static App start(Path jar, Path dir, Path data, Path registry, String heap, String name) throws IOException {
            try (ServerSocket probe = new ServerSocket(PORT)) {
                probe.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("port " + PORT + " is taken: is an earlier run still going?", e);
            }
            Process process = new ProcessBuilder(
                    "java", "-Xmx" + heap, "-XX:+UseG1GC", "-jar", jar.toString(),
                    "--server.port=" + PORT,
                    "--yaohao.data-dir=" + data,
                    "--yaohao.registry.file=" + registry)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve(name + ".log").toFile())
                    .start();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            System.out.printf("%s: pid %d, log %s%n", name, process.pid(), dir.resolve(name + ".log"));
            return new App(process, "http://127.0.0.1:" + PORT, http, data.resolve("initial-admin-password"));
        }

        void awaitUp(Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                alive();
                try {
                    if (get("/api/rounds").statusCode() == 200 && Files.exists(adminPassword)) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("not up within " + timeout);
        }

        /** Waits until the statistics count {@code count} decided; returns {decided, prequalified, rejected, manual}. */
        long[] awaitDecided(int count, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            long[] seen = new long[4];
            while (System.nanoTime() < deadline) {
                alive();
                HttpResponse<String> response = get("/api/statistics/prequalification");
                if (response.statusCode() == 200) {
                    seen = new long[4];
                    JsonNode body = JSON.readTree(response.body());
                    for (JsonNode row : body.path("rows")) { // one row per month and the row "all"
                        if (!"all".equals(row.path("month").asText())) {
                            continue;
                        }
                        seen[1] += row.path("prequalified").asLong();
                        seen[2] += row.path("rejected").asLong();
                        seen[3] += row.path("manualReview").asLong();
                    }
                    seen[0] = seen[1] + seen[2] + seen[3];
                    if (seen[0] >= count) {
                        return seen;
                    }
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException(seen[0] + " of " + count + " decided within " + timeout);
        }

        private void alive() {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped (exit " + process.exitValue() + ")");
            }
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1));
            if (Files.exists(adminPassword)) {
                String credentials = "admin:" + Files.readString(adminPassword).trim();
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String body, String channel) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1))
                                     .header("Content-Type", "application/json").header("X-Channel", channel)
                                     .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                             HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
