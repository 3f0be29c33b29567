package org.yaohao.query.store;

import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A document stored as one value: its BSON, deflated. For the parts of a read model that are only ever read whole by
 * {@code _id} and that would otherwise cost their owner a nested document per field: the standalone jar's in-process
 * MongoDB server keeps every stored field as Java objects (a map entry, a key and a value string each), about ten
 * times the BSON size, while one binary value costs its bytes. The fields anyone filters on stay outside.
 */
public final class CompressedBson {

    private static final DocumentCodec CODEC = new DocumentCodec();
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);

    private CompressedBson() {
    }

    /** The document as deflated BSON. */
    public static Binary compress(Document document) {
        BasicOutputBuffer bson = new BasicOutputBuffer(1024);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(bson)) {
            CODEC.encode(writer, document, EncoderContext.builder().build());
        }
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setInput(bson.getInternalBuffer(), 0, bson.getPosition());
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(bson.getPosition() / 2 + 16);
        byte[] chunk = new byte[4096];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        return new Binary(out.toByteArray());
    }

    /** The document {@link #compress} stored. */
    public static Document decompress(Binary stored) {
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        inflater.setInput(stored.getData());
        ByteArrayOutputStream bson = new ByteArrayOutputStream(stored.length() * 4);
        byte[] chunk = new byte[8192];
        try {
            while (!inflater.finished()) {
                int inflated = inflater.inflate(chunk);
                if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("Truncated compressed document");
                }
                bson.write(chunk, 0, inflated);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("Corrupt compressed document", e);
        }
        try (BsonBinaryReader reader = new BsonBinaryReader(ByteBuffer.wrap(bson.toByteArray()))) {
            return CODEC.decode(reader, DecoderContext.builder().build());
        }
    }
}
