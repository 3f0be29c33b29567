package org.yaohao.bench.round;

import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.draw.DrawResult;
import org.yaohao.kernel.draw.LotteryDraw;
import org.yaohao.kernel.draw.Pool;
import org.yaohao.kernel.draw.PoolEntry;
import org.yaohao.kernel.draw.SeedCommitment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The draw's own computation at full scale, in one JVM: a weighted pool of {@code entries} (weights as the 2023
 * PERSONAL pool gives them: individuals 10 × step with steps 1–5, families 10 × points), frozen (sorted, digest) and
 * drawn for {@code winners} by draw-algorithm.md v1. Prints the median of {@code runs} of each step.
 * <p>
 * {@code java -cp bench/target/benchmarks.jar org.yaohao.bench.round.DrawAtScale [entries] [winners] [runs]}
 * (defaults 3000000 30000 5).
 */
public final class DrawAtScale {

    public static void main(String[] args) {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
        int winners = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        SplittableRandom random = new SplittableRandom(2023);
        List<PoolEntry> pool = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            String digits = "1" + String.format("%011d", 7_919L * i + 13);
            long weight = random.nextInt(100) < 92 ? 10L * (1 + random.nextInt(5)) : 10L * (35 + random.nextInt(60));
            pool.add(new PoolEntry(digits + ApplicationCode.checkDigit(digits), weight));
        }
        byte[] seed = HexFormat.of().parseHex("5eed5eed00112233445566778899aabbccddeeff00112233445566778899aabb");
        String commitment = SeedCommitment.commit(seed);
        double[] freeze = new double[runs];
        double[] draw = new double[runs];
        Pool frozen = null;
        DrawResult result = null;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            frozen = Pool.of(pool);
            freeze[run] = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            result = LotteryDraw.draw("2023-ORD-01/PERSONAL", frozen, winners, seed, commitment);
            draw[run] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(freeze);
        Arrays.sort(draw);
        System.out.printf("DrawAtScale: %,d entries (total weight %,d), %,d winners, %d runs, %d cores, Java %s%n",
                          frozen.size(), frozen.totalWeight(), result.winners().size(), runs,
                          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| step | median | min | max |");
        System.out.println("|---|---:|---:|---:|");
        row("freeze (sort by code, SHA-256 digest of the pool text)", freeze);
        row("draw (draw-algorithm.md v1)", draw);
        System.out.println("digest " + frozen.digest() + ", first winner " + result.winners().get(0).code());
    }

    private static void row(String step, double[] sorted) {
        System.out.printf("| %s | %.2f s | %.2f s | %.2f s |%n", step, sorted[sorted.length / 2], sorted[0],
                          sorted[sorted.length - 1]);
    }
}
