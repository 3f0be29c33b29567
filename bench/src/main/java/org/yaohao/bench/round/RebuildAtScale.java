package org.yaohao.bench.round;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The projection rebuild at every start of the standalone jar: writes a synthetic history of {@code entries} pool
 * entries (as {@link RoundAtScale} does, without the round) into a fresh data directory once, then starts the real
 * jar on it {@code runs} times and times each start until every query-side projection has handled the whole log
 * ({@code /api/admin/projections}: position at the head, nothing dead-lettered), and prints a table with the median.
 * A directory already holding a history of that size is reused (the history takes minutes at millions of entries).
 * <p>
 * {@code java -cp bench/target/benchmarks.jar org.yaohao.bench.round.RebuildAtScale [entries] [dir] [heap] [runs]}
 * (defaults 100000, target/rebuild-at-scale, 4g, 3); {@code -Drebuild.jfr=FILE} records the first run with JFR,
 * {@code -Drebuild.options="-Dname=value …"} passes options to the jar's JVM (a setting to compare).
 */
public final class RebuildAtScale {

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/rebuild-at-scale").toAbsolutePath();
        String heap = args.length > 2 ? args[2] : "4g";
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path jar = Path.of("standalone/target/yaohao.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn -q -DskipTests package` first");
        }

        Path marker = dir.resolve("history-" + entries);
        String history;
        if (Files.exists(marker)) {
            history = Files.readString(marker).trim();
            System.out.println("history reused: " + history);
        } else {
            RoundAtScale.deleteRecursively(dir);
            Files.createDirectories(dir.resolve("policies"));
            RoundAtScale.writePolicy(dir.resolve("policies/bench-scale.json"));
            try (RoundAtScale.App app = RoundAtScale.App.start(jar, dir, heap, "schema")) {
                app.awaitUp(Duration.ofMinutes(2));
            }
            long t = System.nanoTime();
            Population.Written written = RoundAtScale.writeHistory(dir.resolve("data"), entries);
            history = String.format("%,d applications, %,d entries, %,d events (written in %.0f s)",
                                    written.applications(), written.entries(), written.events(), seconds(t));
            Files.writeString(marker, history);
            System.out.println("history written: " + history);
        }
        long diskMb = RoundAtScale.directorySize(dir.resolve("data")) / 1_000_000;

        List<double[]> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            String jfr = System.getProperty("rebuild.jfr");
            List<String> options = new ArrayList<>();
            if (run == 1 && jfr != null) {
                options.add("-XX:StartFlightRecording=settings=profile,filename=" + Path.of(jfr).toAbsolutePath());
            }
            String more = System.getProperty("rebuild.options", "").trim();
            if (!more.isEmpty()) {
                options.addAll(List.of(more.split("\\s+")));
            }
            try (RoundAtScale.App app = RoundAtScale.App.start(jar, dir, heap, "rebuild-" + run, options)) {
                long t = System.nanoTime();
                app.awaitUp(Duration.ofMinutes(10));
                double up = seconds(t);
                JsonNode done = app.await("/api/admin/projections", RebuildAtScale::caughtUp, Duration.ofHours(4),
                                          Duration.ofMillis(500));
                double rebuilt = seconds(t);
                long head = done.get(0).get("head").asLong();
                long heapMb = app.liveHeapBytes() / 1_000_000;
                double[] result = {up, rebuilt, head, head / rebuilt, heapMb};
                results.add(result);
                System.out.printf("run %d: HTTP after %.1f s, every projection at the head (%,d) after %.1f s: "
                                  + "%,.0f events/s; live heap %,d MB%n", run, up, head, rebuilt, head / rebuilt,
                                  heapMb);
            }
        }

        System.out.println();
        System.out.printf("RebuildAtScale, %s, %d cores, %s, -Xmx%s, data directory %,d MB%n", history,
                          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), heap, diskMb);
        System.out.println("| run | start until HTTP answers s | start until every projection is at the head s "
                           + "| events | events/s | live heap MB |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (int i = 0; i < results.size(); i++) {
            double[] r = results.get(i);
            System.out.printf("| %d | %.1f | %.1f | %,.0f | %,.0f | %,.0f |%n", i + 1, r[0], r[1], r[2], r[3], r[4]);
        }
        System.out.printf("| **median** | %.1f | %.1f | | **%,.0f** | |%n", median(results, 0), median(results, 1),
                          median(results, 3));
    }

    /** Every projection's position is the head of the log, none failing and none with dead letters. */
    private static boolean caughtUp(java.net.http.HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return false;
        }
        try {
            JsonNode projections = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
            for (JsonNode projection : projections) {
                if (projection.get("head").isNull() || projection.get("position").isNull()
                    || projection.get("position").asLong() < projection.get("head").asLong()
                    || !projection.get("error").isNull()) {
                    return false;
                }
                if (projection.get("deadLetterCount").asLong() > 0) {
                    throw new IllegalStateException("dead letters in " + projection);
                }
            }
            return projections.size() > 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static double median(List<double[]> results, int column) {
        double[] values = results.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values.length == 0 ? Double.NaN : values[values.length / 2];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private RebuildAtScale() {
    }
}
