package org.yaohao.query.round;

import org.yaohao.kernel.round.PoolFrozenEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * A frozen pool's canonical text, as draw-algorithm.md defines it for the pool digest: "the concatenation, in pool
 * order, of the UTF-8 lines {@code code + "," + weight + "\n"} (weight in decimal, no leading zeros)" — the same text
 * as {@link org.yaohao.kernel.draw.Pool#writeTo}, so its SHA-256 is the digest the {@link PoolFrozenEvent} records.
 * <p>
 * The text is cut into chunks of at most {@link #LINES_PER_CHUNK} whole lines (about 1.3 MB for 13-digit codes,
 * well below MongoDB's 16 MB per document), so a pool of millions of entries is stored and streamed a chunk at a
 * time; the chunks concatenated in order are the text. The event's entries are already in pool order (code
 * ascending by UTF-8 bytes) and are written in that order.
 */
final class FrozenPoolText {

    /** The most lines one stored chunk holds. */
    static final int LINES_PER_CHUNK = 50_000;

    private FrozenPoolText() {
    }

    /** One piece of the text: its place ({@code index} from 0), its number of lines and the lines themselves. */
    record Chunk(int index, int lineCount, String text) {
    }

    /**
     * What was written: the number of lines (entries), chunks and UTF-8 bytes, and the lowercase hex SHA-256 of the
     * whole text.
     */
    record Summary(int lineCount, int chunkCount, long byteLength, String sha256) {
    }

    /** Hands the text of {@code entries} to {@code sink} chunk by chunk, in order, and sums it up. */
    static Summary write(List<PoolFrozenEvent.Entry> entries, int linesPerChunk, Consumer<Chunk> sink) {
        if (linesPerChunk < 1) {
            throw new IllegalArgumentException("a chunk holds at least one line, not " + linesPerChunk);
        }
        MessageDigest sha256 = sha256();
        long bytes = 0;
        int chunks = 0;
        StringBuilder text = new StringBuilder();
        int lines = 0;
        for (PoolFrozenEvent.Entry entry : entries) {
            text.append(entry.code()).append(',').append(entry.weight()).append('\n');
            lines++;
            if (lines == linesPerChunk) {
                bytes += emit(new Chunk(chunks++, lines, text.toString()), sha256, sink);
                text.setLength(0);
                lines = 0;
            }
        }
        if (lines > 0) {
            bytes += emit(new Chunk(chunks++, lines, text.toString()), sha256, sink);
        }
        return new Summary(entries.size(), chunks, bytes, HexFormat.of().formatHex(sha256.digest()));
    }

    private static long emit(Chunk chunk, MessageDigest sha256, Consumer<Chunk> sink) {
        byte[] utf8 = chunk.text().getBytes(StandardCharsets.UTF_8);
        sha256.update(utf8);
        sink.accept(chunk);
        return utf8.length;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the platform has no SHA-256", e);
        }
    }
}
