package org.yaohao.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of the {@code application_status} store through the real driver and the real repository, per
 * mongo-java-server backend and collection size: look-up by {@code _id} (what every status query does) and
 * upsert by {@code _id} (what every projection event does after its look-up).
 * <p>
 * Client threads, the server's Netty threads and the backend share the machine's cores, as in the standalone jar.
 * Modest settings so the full matrix (2 benchmarks x 2 backends x 2 sizes) takes a few minutes; override with the
 * usual JMH options (-f, -wi, -w, -i, -r, -t, -p backend=memory ...).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Threads(2)
public class QueryStoreBenchmark {

    @Param({"memory", "h2"})
    public String backend;

    @Param({"10000", "100000"})
    public int documents;

    private QueryStore store;
    private String[] codes;
    private final AtomicLong sequence = new AtomicLong(2);

    @Setup(Level.Trial)
    public void start() {
        codes = org.yaohao.query.application.ApplicationStatusFixture.codes(documents, 20250301L);
        store = QueryStore.start(backend);
        long nanos = store.fill(codes);
        System.out.printf("%n[setup] %s: %,d documents saved through the repository in %.1f s (%,.0f/s)%n",
                          backend, documents, nanos / 1e9, documents / (nanos / 1e9));
    }

    @TearDown(Level.Trial)
    public void stop() {
        store.close();
        store.delete();
    }

    /** Each benchmark thread picks its own random existing codes. */
    @State(Scope.Thread)
    public static class Picker {
        final SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());
    }

    @Benchmark
    public boolean findById(Picker picker) {
        return store.fixture.find(codes[picker.random.nextInt(codes.length)]);
    }

    @Benchmark
    public void upsert(Picker picker) {
        store.fixture.save(codes[picker.random.nextInt(codes.length)], sequence.incrementAndGet());
    }
}
