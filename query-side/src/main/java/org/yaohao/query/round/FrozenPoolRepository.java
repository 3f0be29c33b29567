package org.yaohao.query.round;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.round.PoolFrozenEvent;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * The {@value #COLLECTION} collection through the plain MongoDB driver: each frozen pool's canonical text (see
 * {@link FrozenPoolText}) kept out of the round document, as
 * <ul>
 *     <li>chunks {@code _id = <roundId>/<POOL>#<n>} ({@code n} from 0): {@code text}, at most
 *     {@value FrozenPoolText#LINES_PER_CHUNK} whole lines, and {@code lineCount};</li>
 *     <li>a head {@code _id = <roundId>/<POOL>} ({@link FrozenPool}): digest, entry count, byte length and number of
 *     chunks, written last.</li>
 * </ul>
 * Every write is an upsert of a whole document, so a redelivered freeze writes the same documents again; every read
 * is by {@code _id}. Holds application codes and weights only, no personal data.
 */
@Repository
class FrozenPoolRepository {

    static final String COLLECTION = "frozen_pools";

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> collection;

    FrozenPoolRepository(MongoDatabase queryDatabase) {
        this.collection = queryDatabase.getCollection(COLLECTION);
    }

    /**
     * Stores the pool's text, chunks first and then the head with the digest the event published.
     *
     * @return what was written, with the SHA-256 of the text as stored (to compare with the published digest)
     */
    FrozenPoolText.Summary save(PoolFrozenEvent event) {
        String roundId = event.roundId().value();
        PoolKind pool = event.pool();
        String poolId = FrozenPool.id(roundId, pool);
        FrozenPoolText.Summary summary = FrozenPoolText.write(event.entries(), FrozenPoolText.LINES_PER_CHUNK, chunk -> {
            String id = FrozenPool.chunkId(roundId, pool, chunk.index());
            collection.replaceOne(eq("_id", id), new Document("_id", id)
                    .append("pool", poolId)
                    .append("index", chunk.index())
                    .append("lineCount", chunk.lineCount())
                    .append("text", chunk.text()), UPSERT);
        });
        FrozenPool head = new FrozenPool(roundId, pool, event.digest(), summary.lineCount(), summary.byteLength(),
                                         summary.chunkCount());
        collection.replaceOne(eq("_id", head.id()), head.toBson(), UPSERT);
        return summary;
    }

    Optional<FrozenPool> find(String roundId, PoolKind pool) {
        return Optional.ofNullable(collection.find(eq("_id", FrozenPool.id(roundId, pool))).first())
                       .map(FrozenPool::fromBson);
    }

    /** Writes the pool's text to {@code out}, reading one chunk at a time, in order. */
    void writeText(FrozenPool pool, OutputStream out) throws IOException {
        for (int index = 0; index < pool.chunkCount(); index++) {
            Document chunk = collection.find(eq("_id", pool.chunkId(index))).first();
            if (chunk == null) {
                throw new IllegalStateException("chunk " + pool.chunkId(index) + " of a stored pool is missing");
            }
            out.write(chunk.getString("text").getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }
}
