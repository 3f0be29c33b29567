package org.yaohao.query.round;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.round.PoolEntriesFrozenEvent;
import org.yaohao.kernel.round.PoolFrozenEvent;
import org.yaohao.query.store.BufferedCollection;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@value #COLLECTION} collection through the plain MongoDB driver: each frozen pool's canonical text (see
 * {@link FrozenPoolText}) kept out of the round document, as
 * <ul>
 *     <li>chunks {@code _id = <roundId>/<POOL>#<n>} ({@code n} from 0), one per {@code PoolEntriesFrozenEvent}:
 *     {@code text}, its whole lines, and {@code lineCount};</li>
 *     <li>a head {@code _id = <roundId>/<POOL>} ({@link FrozenPool}): digest, entry count, byte length and number of
 *     chunks, written last.</li>
 * </ul>
 * Every write is an upsert of a whole document, so a redelivered freeze writes the same documents again; every read
 * is by {@code _id}. Holds application codes and weights only, no personal data.
 */
@Repository
class FrozenPoolRepository {

    static final String COLLECTION = "frozen_pools";

    private final BufferedCollection collection;

    FrozenPoolRepository(MongoDatabase queryDatabase) {
        this.collection = new BufferedCollection(queryDatabase.getCollection(COLLECTION));
    }

    /** Stores one chunk of a pool's text (an upsert: a redelivered chunk writes the same document again). */
    void saveChunk(PoolEntriesFrozenEvent event) {
        String roundId = event.roundId().value();
        String id = FrozenPool.chunkId(roundId, event.pool(), event.chunk());
        collection.replace(id, new Document("_id", id)
                .append("pool", FrozenPool.id(roundId, event.pool()))
                .append("index", event.chunk())
                .append("lineCount", event.entries().size())
                .append("text", FrozenPoolText.text(event.entries())));
    }

    /**
     * Closes a pool whose chunks are stored: hashes their text in order and writes the head with the digest the event
     * published.
     *
     * @return what is stored, with the SHA-256 of the text (to compare with the published digest)
     */
    FrozenPoolText.Summary saveHead(PoolFrozenEvent event) {
        String roundId = event.roundId().value();
        List<String> texts = new ArrayList<>(event.chunkCount());
        for (int index = 0; index < event.chunkCount(); index++) {
            texts.add(chunkText(FrozenPool.chunkId(roundId, event.pool(), index)));
        }
        FrozenPoolText.Summary summary = FrozenPoolText.summarize(texts);
        FrozenPool head = new FrozenPool(roundId, event.pool(), event.digest(), summary.lineCount(),
                                         summary.byteLength(), summary.chunkCount());
        collection.replace(head.id(), head.toBson());
        return summary;
    }

    private String chunkText(String chunkId) {
        Document chunk = collection.find(chunkId).orElse(null);
        if (chunk == null) {
            throw new IllegalStateException("chunk " + chunkId + " of a frozen pool is missing");
        }
        return chunk.getString("text");
    }

    Optional<FrozenPool> find(String roundId, PoolKind pool) {
        return collection.find(FrozenPool.id(roundId, pool)).map(FrozenPool::fromBson);
    }

    /** Writes the pool's text to {@code out}, reading one chunk at a time, in order. */
    void writeText(FrozenPool pool, OutputStream out) throws IOException {
        for (int index = 0; index < pool.chunkCount(); index++) {
            out.write(chunkText(pool.chunkId(index)).getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }
}
