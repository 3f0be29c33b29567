package org.yaohao.kernel.draw;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A frozen lottery pool (draw algorithm v1, {@code docs/draw-algorithm.md}): its entries sorted by code ascending,
 * comparing UTF-8 bytes, codes unique. Immutable.
 * <p>
 * Its published text form is, in pool order, one UTF-8 line {@code code + "," + weight + "\n"} per entry (weight
 * in decimal, no leading zeros); the {@linkplain #digest() digest} is the lowercase hex SHA-256 of exactly that
 * text, so whoever downloads the text can check it with any SHA-256 tool and re-read it with {@link #parse}.
 * <p>
 * The total weight must fit a signed 64-bit integer ({@code ≤ 2^63 − 1}); a real pool is many orders of magnitude
 * below that.
 */
public final class Pool {

    private final PoolEntry[] entries;
    private final long totalWeight;
    private final String digest;

    private Pool(PoolEntry[] sortedUniqueEntries) {
        this.entries = sortedUniqueEntries;
        long total = 0;
        for (PoolEntry entry : sortedUniqueEntries) {
            try {
                total = Math.addExact(total, entry.weight());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("the total weight of a pool must not exceed 2^63 - 1");
            }
        }
        this.totalWeight = total;
        this.digest = computeDigest();
    }

    /** Freezes the given entries, in any order, into a pool; refuses a code that appears twice. */
    public static Pool of(Collection<PoolEntry> entries) {
        int n = entries.size();
        PoolEntry[] sorted = new PoolEntry[n];
        byte[][] keys = new byte[n][];
        Integer[] order = new Integer[n];
        int index = 0;
        for (PoolEntry entry : entries) {
            if (entry == null) {
                throw new IllegalArgumentException("a pool must not contain a null entry");
            }
            sorted[index] = entry;
            keys[index] = CodeOrder.utf8(entry.code());
            order[index] = index;
            index++;
        }
        Arrays.sort(order, Comparator.comparing(i -> keys[i], CodeOrder::compareBytes));
        PoolEntry[] result = new PoolEntry[n];
        byte[] previous = null;
        for (int i = 0; i < n; i++) {
            byte[] key = keys[order[i]];
            if (previous != null && CodeOrder.compareBytes(previous, key) == 0) {
                throw new IllegalArgumentException("a pool must not contain code " + sorted[order[i]].code() + " twice");
            }
            result[i] = sorted[order[i]];
            previous = key;
        }
        return new Pool(result);
    }

    /** Freezes the given entries, in any order, into a pool; refuses a code that appears twice. */
    public static Pool of(PoolEntry... entries) {
        return of(Arrays.asList(entries));
    }

    /**
     * Re-reads a pool from its published text. Refuses anything that is not exactly the canonical text of a pool:
     * invalid UTF-8, a line without {@code ','} or final {@code "\n"}, a weight that is not a positive decimal
     * without leading zeros, or codes not strictly ascending. So the digest of the result is the SHA-256 of
     * {@code text}.
     */
    public static Pool parse(byte[] text) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        PoolEntryList parsed = new PoolEntryList();
        byte[] previousKey = null;
        int line = 0;
        int position = 0;
        while (position < text.length) {
            line++;
            int end = indexOf(text, (byte) '\n', position);
            if (end < 0) {
                throw malformed(line, "does not end with \\n");
            }
            int comma = indexOf(text, (byte) ',', position, end);
            if (comma < 0) {
                throw malformed(line, "has no ','");
            }
            String code;
            try {
                code = decoder.decode(ByteBuffer.wrap(text, position, comma - position)).toString();
            } catch (CharacterCodingException e) {
                throw malformed(line, "is not valid UTF-8");
            }
            long weight = parseWeight(text, comma + 1, end, line);
            PoolEntry entry;
            try {
                entry = new PoolEntry(code, weight);
            } catch (IllegalArgumentException e) {
                throw malformed(line, e.getMessage());
            }
            byte[] key = Arrays.copyOfRange(text, position, comma);
            if (previousKey != null && CodeOrder.compareBytes(previousKey, key) >= 0) {
                throw malformed(line, "is not after the previous line in code order (UTF-8 bytes, no duplicates)");
            }
            parsed.add(entry);
            previousKey = key;
            position = end + 1;
        }
        return new Pool(parsed.toArray());
    }

    /** Re-reads a pool from its published text, see {@link #parse(byte[])}. */
    public static Pool read(InputStream in) throws IOException {
        return parse(in.readAllBytes());
    }

    /** Writes the published text of the pool: one line {@code code,weight\n} per entry, in pool order. */
    public void writeTo(OutputStream out) throws IOException {
        OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        for (PoolEntry entry : entries) {
            buffered.write(CodeOrder.utf8(entry.code()));
            buffered.write(',');
            buffered.write(Long.toString(entry.weight()).getBytes(StandardCharsets.US_ASCII));
            buffered.write('\n');
        }
        buffered.flush();
    }

    /** The published text of the pool, whose SHA-256 is the {@linkplain #digest() digest}. */
    public byte[] toText() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Lowercase hex SHA-256 of the published text. */
    public String digest() {
        return digest;
    }

    public long totalWeight() {
        return totalWeight;
    }

    public int size() {
        return entries.length;
    }

    public boolean isEmpty() {
        return entries.length == 0;
    }

    /** The entry at {@code index} (0-based) in pool order. */
    public PoolEntry entry(int index) {
        return entries[index];
    }

    /** The entries in pool order, unmodifiable. */
    public List<PoolEntry> entries() {
        return Collections.unmodifiableList(Arrays.asList(entries));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pool other && digest.equals(other.digest);
    }

    @Override
    public int hashCode() {
        return digest.hashCode();
    }

    @Override
    public String toString() {
        return "Pool[size=" + entries.length + ", totalWeight=" + totalWeight + ", digest=" + digest + "]";
    }

    private String computeDigest() {
        MessageDigest sha256 = Sha256.newDigest();
        try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static long parseWeight(byte[] text, int from, int to, int line) {
        if (from == to) {
            throw malformed(line, "has no weight");
        }
        if (text[from] == '0') {
            throw malformed(line, "has a weight that is zero or has a leading zero");
        }
        long weight = 0;
        for (int i = from; i < to; i++) {
            byte b = text[i];
            if (b < '0' || b > '9') {
                throw malformed(line, "has a weight that is not a decimal number");
            }
            try {
                weight = Math.addExact(Math.multiplyExact(weight, 10), b - '0');
            } catch (ArithmeticException e) {
                throw malformed(line, "has a weight above 2^63 - 1");
            }
        }
        return weight;
    }

    private static int indexOf(byte[] text, byte b, int from) {
        return indexOf(text, b, from, text.length);
    }

    private static int indexOf(byte[] text, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static IllegalArgumentException malformed(int line, String problem) {
        return new IllegalArgumentException("pool text line " + line + " " + problem);
    }

    /** A growable array, so re-reading millions of lines does not box or copy more than needed. */
    private static final class PoolEntryList {
        private PoolEntry[] items = new PoolEntry[1024];
        private int size;

        void add(PoolEntry entry) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = entry;
        }

        PoolEntry[] toArray() {
            return Arrays.copyOf(items, size);
        }
    }
}
