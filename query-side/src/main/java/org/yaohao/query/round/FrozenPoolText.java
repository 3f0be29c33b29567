package org.yaohao.query.round;

import org.yaohao.kernel.round.PoolFrozenEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A frozen pool's canonical text, as draw-algorithm.md defines it for the pool digest: "the concatenation, in pool
 * order, of the UTF-8 lines {@code code + "," + weight + "\n"} (weight in decimal, no leading zeros)" — the same text
 * as {@link org.yaohao.kernel.draw.Pool#writeTo}, so its SHA-256 is the digest the {@link PoolFrozenEvent} records.
 * <p>
 * The text is stored a chunk per {@link org.yaohao.kernel.round.PoolEntriesFrozenEvent} (at most 50,000 lines, about
 * 1.3 MB for 13-digit codes, well below MongoDB's 16 MB per document), so a pool of millions of entries is stored and
 * streamed a chunk at a time; the chunks concatenated in order are the text.
 */
final class FrozenPoolText {

    private FrozenPoolText() {
    }

    /**
     * What was stored: the number of lines (entries), chunks and UTF-8 bytes, and the lowercase hex SHA-256 of the
     * whole text.
     */
    record Summary(int lineCount, int chunkCount, long byteLength, String sha256) {
    }

    /** The lines of {@code entries}, in the order given. */
    static String text(List<PoolFrozenEvent.Entry> entries) {
        StringBuilder text = new StringBuilder(entries.size() * 20);
        for (PoolFrozenEvent.Entry entry : entries) {
            text.append(entry.code()).append(',').append(entry.weight()).append('\n');
        }
        return text.toString();
    }

    /** Sums up the text made of {@code chunks} (each a whole number of lines), in order. */
    static Summary summarize(Iterable<String> chunks) {
        MessageDigest sha256 = sha256();
        long bytes = 0;
        int lines = 0;
        int count = 0;
        for (String chunk : chunks) {
            byte[] utf8 = chunk.getBytes(StandardCharsets.UTF_8);
            sha256.update(utf8);
            bytes += utf8.length;
            for (byte b : utf8) {
                if (b == '\n') {
                    lines++;
                }
            }
            count++;
        }
        return new Summary(lines, count, bytes, HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the platform has no SHA-256", e);
        }
    }
}
