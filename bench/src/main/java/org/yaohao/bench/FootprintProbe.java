package org.yaohao.bench;

import org.yaohao.query.application.ApplicationStatusFixture;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * How much the {@code application_status} collection costs per document: retained heap with the MEMORY backend,
 * file size (and heap) with the H2 MVStore backend. Loads N representative documents through the real repository,
 * one at a time, and also reports that load rate.
 * <p>
 * Usage: {@code java -cp bench/target/benchmarks.jar org.yaohao.bench.FootprintProbe [N] [memory,h2] [repeats]}
 */
public final class FootprintProbe {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private record Row(String backend, int run, int documents, double loadSeconds, long heapBytes, long fileBytes,
                       long closedFileBytes) {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        String[] backends = (args.length > 1 ? args[1] : "memory,h2").split(",");
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 1;

        String[] codes = ApplicationStatusFixture.codes(documents, 20250301L);
        long bson = 0;
        for (String code : codes) {
            bson += ApplicationStatusFixture.bsonSize(code);
        }
        System.out.printf("%s %s, %d cores, max heap %,d MB, GC %s%n", System.getProperty("java.vm.name"),
                          System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                          Runtime.getRuntime().maxMemory() >> 20,
                          ManagementFactory.getGarbageCollectorMXBeans().get(0).getName());
        System.out.printf("%,d documents, average BSON size %.0f bytes%n%n", documents, (double) bson / documents);

        List<Row> rows = new ArrayList<>();
        for (int run = 1; run <= repeats; run++) {
            for (String backend : backends) {
                rows.add(probe(backend, run, codes));
            }
        }

        System.out.println("| backend | run | documents | load s | load docs/s | retained heap MB | heap B/doc "
                           + "| file MB | file B/doc | file B/doc after close |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            System.out.printf("| %s | %d | %,d | %.1f | %,.0f | %.1f | %,d | %s | %s | %s |%n",
                              row.backend, row.run, row.documents, row.loadSeconds, row.documents / row.loadSeconds,
                              row.heapBytes / 1048576.0, row.heapBytes / row.documents,
                              row.fileBytes < 0 ? "-" : String.format("%.1f", row.fileBytes / 1048576.0),
                              row.fileBytes < 0 ? "-" : String.format("%,d", row.fileBytes / row.documents),
                              row.closedFileBytes < 0 ? "-" : String.format("%,d", row.closedFileBytes / row.documents));
        }
    }

    private static Row probe(String backend, int run, String[] codes) throws InterruptedException {
        long before = usedHeapAfterGc();
        QueryStore store = QueryStore.start(backend);
        try {
            long nanos = store.fill(codes);
            store.commit();
            long fileBytes = store.fileSize();
            long after = usedHeapAfterGc();
            store.close();
            long closedFileBytes = store.fileSize();
            return new Row(backend, run, codes.length, nanos / 1e9, after - before, fileBytes, closedFileBytes);
        } finally {
            store.close();
            store.delete();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
