package org.yaohao.kernel.draw;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A second, deliberately naive reading of draw algorithm v1 for cross-checks inside the Java tests: BigInteger
 * arithmetic (no unsigned tricks) and a linear scan over the remaining entries (no Fenwick tree).
 */
final class NaiveDraw {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private NaiveDraw() {
    }

    /** The first {@code limit} winners' codes of drawing {@code k} from {@code pool}. */
    static List<String> winners(String drawId, Pool pool, int k, byte[] seed, int limit) {
        long[] weights = pool.entries().stream().mapToLong(PoolEntry::weight).toArray();
        int remaining = weights.length;
        List<String> winners = new ArrayList<>();
        for (int i = 0; winners.size() < Math.min(k, limit) && remaining > 0; i++) {
            long total = 0;
            for (long w : weights) {
                total = Math.addExact(total, w);
            }
            long r = ticket(seed, drawId, i, BigInteger.valueOf(total)).longValueExact();
            long running = 0;
            for (int e = 0; e < weights.length; e++) {
                if (weights[e] > 0 && r >= running && r < running + weights[e]) {
                    winners.add(pool.entry(e).code());
                    weights[e] = 0;
                    remaining--;
                    break;
                }
                running += weights[e];
            }
        }
        return winners;
    }

    static BigInteger ticket(byte[] seed, String drawId, int i, BigInteger total) {
        BigInteger limit = TWO_64.subtract(TWO_64.mod(total));
        for (int j = 0; ; j++) {
            MessageDigest sha = Sha256.newDigest();
            sha.update(seed);
            sha.update(drawId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(ByteBuffer.allocate(8).putInt(i).putInt(j).array());
            BigInteger x = new BigInteger(1, Arrays.copyOf(sha.digest(), 8));
            if (x.compareTo(limit) < 0) {
                return x.mod(total);
            }
        }
    }
}
