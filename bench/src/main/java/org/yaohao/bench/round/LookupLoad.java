package org.yaohao.bench.round;

import org.yaohao.kernel.draw.Pool;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Result look-ups under concurrent load, against a running system: {@code threads} clients each asking
 * {@code GET /api/rounds/{roundId}/results/{code}} for random entrants of the round's personal pool, one request after
 * the other, for {@code seconds} after {@code warm-up} seconds; prints the throughput and latency percentiles (ms).
 * Signs in as a staff user (HTTP Basic; staff are not rate-limited, applicants are, per client and per code). Each
 * client keeps one HTTP/1.1 connection alive ({@link KeepAliveGet}), so the load generator, which shares the machine,
 * takes little of the CPU the server needs.
 * <p>
 * {@code java -cp bench/target/benchmarks.jar org.yaohao.bench.round.LookupLoad <base url> <user> <password file>
 * <roundId> [threads] [seconds] [warm-up seconds]}
 */
public final class LookupLoad {

    private LookupLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String credentials = args[1] + ":" + Files.readString(Path.of(args[2])).trim();
        String round = args[3];
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 30;
        int warmUp = args.length > 6 ? Integer.parseInt(args[6]) : 10;

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String authorization = "Basic " + Base64.getEncoder()
                                                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        Pool pool = Pool.parse(http.send(HttpRequest.newBuilder(URI.create(base + "/api/rounds/" + round
                + "/pools/PERSONAL")).build(), HttpResponse.BodyHandlers.ofByteArray()).body());
        System.out.printf("round %s, %,d entrants in the personal pool; %d clients, %d s warm-up, %d s measured%n",
                          round, pool.size(), threads, warmUp, seconds);

        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        Future<?>[] running = new Future<?>[threads];
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        for (int t = 0; t < threads; t++) {
            int client = t;
            latencies[client] = new long[1 << 20];
            running[t] = clients.submit(() -> {
                try (KeepAliveGet connection = new KeepAliveGet(base, authorization)) {
                    while (!stop.get()) {
                        String code = pool.entry(ThreadLocalRandom.current().nextInt(pool.size())).code();
                        long start = System.nanoTime();
                        try {
                            KeepAliveGet.Response response = connection.get("/api/rounds/" + round + "/results/" + code);
                            long took = System.nanoTime() - start;
                            boolean answered = response.status() == 200 && response.body().contains("\"drawn\":");
                            if (measuring.get()) {
                                if (!answered) {
                                    errors.incrementAndGet();
                                } else if (counts[client] < latencies[client].length) {
                                    latencies[client][counts[client]++] = took;
                                }
                            }
                        } catch (Exception e) {
                            connection.close();
                            if (measuring.get()) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                }
                return null;
            });
        }
        Thread.sleep(warmUp * 1000L);
        measuring.set(true);
        long from = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - from) / 1e9;
        stop.set(true);
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();

        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        System.out.println("| clients | answered | req/s | p50 ms | p90 ms | p99 ms | max ms | errors |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf("| %d | %,d | %,.0f | %.1f | %.1f | %.1f | %.1f | %,d |%n", threads, all.length,
                          all.length / elapsed, ms(all, 0.50), ms(all, 0.90), ms(all, 0.99),
                          all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.get());
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }
}
