package org.yaohao.kernel.draw;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Seeds and pools shared by the draw tests, built exactly as {@code draw_v1_reference.py} builds them. */
final class DrawFixtures {

    private DrawFixtures() {
    }

    /** The bytes 0, 1, …, 31 ({@code seq_seed} in the reference). */
    static byte[] sequentialSeed() {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) i;
        }
        return seed;
    }

    /** SHA-256 of the UTF-8 label ({@code seed_of} in the reference). */
    static byte[] seedOf(String label) {
        return Sha256.hash(label.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code generated_pool(n)} in the reference: codes G00000 … with weight 1 + (index × 7919 mod 97). */
    static Pool generatedPool(int n) {
        List<PoolEntry> entries = new ArrayList<>(n);
        for (int index = 0; index < n; index++) {
            entries.add(new PoolEntry(String.format("G%05d", index), 1 + (index * 7919L) % 97));
        }
        return Pool.of(entries);
    }

    static DrawResult draw(String drawId, Pool pool, int k, byte[] seed) {
        return LotteryDraw.draw(drawId, pool, k, seed, SeedCommitment.commit(seed));
    }
}
