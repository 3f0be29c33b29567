package org.yaohao.kernel.draw;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The random numbers of draw algorithm v1 ({@code docs/draw-algorithm.md}, Random numbers): for draw index
 * {@code i} and attempt {@code j}, {@code block = SHA-256(seed ‖ UTF-8(drawId) ‖ 0x00 ‖ uint32_be(i) ‖ uint32_be(j))}
 * and {@code x} its first 8 bytes as an unsigned 64-bit big-endian integer; with {@code limit = 2^64 − (2^64 mod T)},
 * {@code x} is accepted if {@code x < limit} and gives {@code r = x mod T}, else attempt {@code j + 1} follows.
 * <p>
 * All 64-bit quantities here are unsigned: {@code T} may be any value in {@code [1, 2^64 − 1]} held in a
 * {@code long} bit pattern, although a {@link Pool} keeps its total below 2^63.
 */
final class TicketSource {

    /** A draw's number {@code r} in {@code [0, T)} (unsigned) and the attempt {@code j} that produced it. */
    record Ticket(long number, long attempt) {
    }

    private static final long MAX_UINT32 = 0xFFFF_FFFFL;

    private final MessageDigest sha256 = Sha256.newDigest();
    private final byte[] input;
    private final int counterOffset;

    TicketSource(byte[] seed, String drawId) {
        SeedCommitment.requireSeed(seed);
        byte[] id = drawId.getBytes(StandardCharsets.UTF_8);
        this.counterOffset = seed.length + id.length + 1;
        this.input = new byte[counterOffset + 8];
        System.arraycopy(seed, 0, input, 0, seed.length);
        System.arraycopy(id, 0, input, seed.length, id.length);
        input[seed.length + id.length] = 0x00;
    }

    /** The number for draw index {@code i} (0-based) out of {@code total} tickets (unsigned, at least 1). */
    Ticket next(long i, long total) {
        if (i < 0 || i > MAX_UINT32) {
            throw new IllegalArgumentException("draw index " + i + " does not fit uint32");
        }
        if (total == 0) {
            throw new IllegalArgumentException("no tickets left to draw from");
        }
        long remainderOf2To64 = twoTo64Mod(total);
        for (long j = 0; j <= MAX_UINT32; j++) {
            long x = block(i, j);
            // limit = 2^64 − (2^64 mod T); when 2^64 mod T is 0 the limit is 2^64 and every x is accepted,
            // otherwise the limit is the unsigned value of −(2^64 mod T).
            if (remainderOf2To64 == 0 || Long.compareUnsigned(x, -remainderOf2To64) < 0) {
                return new Ticket(Long.remainderUnsigned(x, total), j);
            }
        }
        throw new IllegalStateException("2^32 attempts rejected for draw index " + i);
    }

    /** {@code 2^64 mod T} for an unsigned {@code T ≥ 1}: {@code ((2^64 − 1) mod T + 1) mod T}, never overflowing. */
    static long twoTo64Mod(long total) {
        long remainderOfMax = Long.remainderUnsigned(-1L, total); // (2^64 − 1) mod T, at most T − 1
        long plusOne = remainderOfMax + 1;                         // at most T, so no unsigned overflow
        return plusOne == total ? 0 : plusOne;
    }

    /** {@code x}: the first 8 bytes, big-endian, of the block for index {@code i} and attempt {@code j}. */
    private long block(long i, long j) {
        putUint32(input, counterOffset, i);
        putUint32(input, counterOffset + 4, j);
        byte[] block = sha256.digest(input);
        long x = 0;
        for (int b = 0; b < 8; b++) {
            x = (x << 8) | (block[b] & 0xFF);
        }
        return x;
    }

    private static void putUint32(byte[] target, int offset, long value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }
}
