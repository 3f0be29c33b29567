package org.yaohao.query.round;

import org.bson.Document;
import org.yaohao.kernel.policy.PoolKind;

/**
 * The head document of a frozen pool's text in {@value FrozenPoolRepository#COLLECTION}, {@code _id} =
 * {@code <roundId>/<POOL>}: the published digest and what a download needs to stream the chunks
 * {@code <roundId>/<POOL>#0} … {@code #chunkCount-1} in order. Written after its chunks, so it exists only once the
 * whole text is stored.
 *
 * @param digest     the digest the {@code PoolFrozenEvent} published (lowercase hex SHA-256 of the text)
 * @param byteLength the length of the text in UTF-8 bytes
 */
record FrozenPool(String roundId, PoolKind pool, String digest, int entryCount, long byteLength, int chunkCount) {

    static String id(String roundId, PoolKind pool) {
        return roundId + "/" + pool.name();
    }

    static String chunkId(String roundId, PoolKind pool, int index) {
        return id(roundId, pool) + "#" + index;
    }

    String id() {
        return id(roundId, pool);
    }

    String chunkId(int index) {
        return chunkId(roundId, pool, index);
    }

    Document toBson() {
        return new Document("_id", id())
                .append("roundId", roundId)
                .append("pool", pool.name())
                .append("digest", digest)
                .append("entryCount", entryCount)
                .append("byteLength", byteLength)
                .append("chunkCount", chunkCount);
    }

    static FrozenPool fromBson(Document d) {
        return new FrozenPool(d.getString("roundId"), PoolKind.valueOf(d.getString("pool")), d.getString("digest"),
                              d.getInteger("entryCount", 0), d.get("byteLength", Number.class).longValue(),
                              d.getInteger("chunkCount", 0));
    }
}
