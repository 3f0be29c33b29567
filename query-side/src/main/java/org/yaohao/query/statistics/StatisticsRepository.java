package org.yaohao.query.statistics;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.query.store.BufferedCollection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;

/**
 * The statistics collections (documented field by field in {@code docs/statistics.md}) through the plain MongoDB
 * driver. Every write is by {@code _id}; the tables read whole collections, which stay small (one document per month,
 * hour, round, or pool) except {@value #ENTRANTS} and {@value #POOL_CHUNKS}, which are only read by {@code _id}. No
 * collection holds an ID number, a name or a phone: application codes, kinds, counts and weights only.
 */
@Repository
class StatisticsRepository {

    /** One document per month of Beijing time ({@code yyyy-MM}): applications, pre-qualification, channels. */
    static final String MONTHLY = "statistics_monthly";
    /** One document per application code: its kind, to tell families from individuals in a shared pool. */
    static final String ENTRANTS = "statistics_entrants";
    /** One document per round and pool ({@code <roundId>/<POOL>}): entries and winners per kind and weight. */
    static final String POOLS = "statistics_pools";
    /** One document per chunk of a frozen pool ({@code <roundId>/<POOL>#<n>}): code, weight and kind per entry. */
    static final String POOL_CHUNKS = "statistics_pool_chunks";
    /** One document per round ({@code <roundId>}): quotas issued (and, once recorded, extended, used, expired). */
    static final String QUOTAS = "statistics_quotas";
    /** One document per hour of Beijing time ({@code yyyy-MM-dd'T'HH}): result and status look-ups answered. */
    static final String LOOKUPS = "statistics_lookups";

    /** The collections, for whoever checks or exports them all. */
    static final List<String> COLLECTIONS = List.of(MONTHLY, ENTRANTS, POOLS, POOL_CHUNKS, QUOTAS, LOOKUPS);

    private final MongoDatabase database;
    private final Map<String, BufferedCollection> buffered;

    StatisticsRepository(MongoDatabase queryDatabase) {
        this.database = queryDatabase;
        Map<String, BufferedCollection> collections = new HashMap<>();
        for (String name : List.of(MONTHLY, ENTRANTS, POOLS, POOL_CHUNKS, QUOTAS)) {
            collections.put(name, new BufferedCollection(queryDatabase.getCollection(name)));
        }
        this.buffered = Map.copyOf(collections);
    }

    OnceOnlyCounters counters(String collection) {
        return new OnceOnlyCounters(buffered.get(collection));
    }

    /** Every document of a (small) collection, by {@code _id} ascending. */
    List<Document> all(String collection) {
        return database.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    Optional<Document> find(String collection, String id) {
        BufferedCollection written = buffered.get(collection);
        return written != null ? written.find(id)
                               : Optional.ofNullable(database.getCollection(collection).find(eq("_id", id)).first());
    }

    /** Sets fields of a document, creating it if needed: a whole-value write, idempotent. */
    void set(String collection, String id, Document fields) {
        BufferedCollection written = buffered.get(collection);
        Document document = written.find(id).orElseGet(() -> new Document("_id", id));
        document.putAll(fields);
        written.replace(id, document);
    }

    void saveEntrant(String code, ApplicantKind kind) {
        buffered.get(ENTRANTS).replace(code, new Document("_id", code).append("kind", kind.name()));
    }

    /** The kinds of the given application codes that are known; unknown codes are absent from the map. */
    Map<String, ApplicantKind> kindsOf(List<String> codes) {
        BufferedCollection entrants = buffered.get(ENTRANTS);
        entrants.prefetch(codes);
        Map<String, ApplicantKind> kinds = new HashMap<>();
        for (String code : codes) {
            entrants.find(code).ifPresent(d -> kinds.put(code, ApplicantKind.valueOf(d.getString("kind"))));
        }
        return kinds;
    }

    /** Stores one chunk of a frozen pool (the whole document: a redelivered chunk writes it again). */
    void saveChunk(PoolChunk chunk) {
        Document document = chunk.toBson();
        buffered.get(POOL_CHUNKS).replace(chunk.id(), document);
    }

    Optional<PoolChunk> findChunk(String poolId, int index) {
        return find(POOL_CHUNKS, PoolChunk.id(poolId, index)).map(PoolChunk::fromBson);
    }

    /** Every stored entry of a pool, in pool order, one chunk in memory at a time. */
    void forEachEntry(String poolId, Consumer<PoolChunk.Entry> action) {
        for (int index = 0; ; index++) {
            Optional<PoolChunk> chunk = findChunk(poolId, index);
            if (chunk.isEmpty()) {
                return;
            }
            chunk.get().entries().forEach(action);
        }
    }

    /** One more look-up of {@code field} in the hour {@code hourId}. Not an event: nothing to replay, no guard. */
    void countLookup(String hourId, String field) {
        countLookups(hourId, field, 1L);
    }

    /** {@code count} more look-ups of {@code field} in the hour {@code hourId}. */
    void countLookups(String hourId, String field, long count) {
        database.getCollection(LOOKUPS).updateOne(eq("_id", hourId), Updates.inc(field, count),
                                                  new UpdateOptions().upsert(true));
    }
}
