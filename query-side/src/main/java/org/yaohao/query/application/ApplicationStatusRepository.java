package org.yaohao.query.application;

import com.mongodb.client.MongoDatabase;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Repository;
import org.yaohao.kernel.application.ApplicationStatus;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.query.store.BufferedCollection;
import org.yaohao.query.store.CollectionsReplacedEvent;
import org.yaohao.query.store.ReadCache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static com.mongodb.client.model.Filters.eq;

/**
 * The {@code application_status} collection through the plain MongoDB driver. Every access is by {@code _id}, the
 * application code, which is the only look-up the in-process server of the standalone jar answers without a scan.
 * <p>
 * Beside it, {@value #DRAWN_POOLS}: one small document per drawn pool, {@code _id = <roundId>/<POOL>}, written by
 * the same projection once the winners of the pool are in their status documents. It tells an entry without a
 * sequence number in a drawn pool ("not drawn") from one whose pool is not drawn yet, without writing to every
 * entrant's document.
 * <p>
 * The query handlers' look-ups ({@link #lookUp}) go through a {@link ReadCache} of decoded documents,
 * {@code yaohao.query.status-cache.entries} of them (0, the default of the query side, which may run as several
 * instances over one database: none; the standalone jar, the only writer of its in-process store, keeps 200,000).
 * The projection's own reads ({@link #find}) never do: it reads what is stored or pending in its batch.
 */
@Repository
class ApplicationStatusRepository {

    static final String COLLECTION = "application_status";

    static final String DRAWN_POOLS = "application_status_drawn_pools";

    private final BufferedCollection collection;
    private final BufferedCollection drawnPools;
    private final Set<String> knownDrawn = ConcurrentHashMap.newKeySet();
    private final ReadCache<ApplicationStatusDocument> lookUps;
    private final String savedKey;

    /** A repository without a cache of look-ups: a projection's fresh instance, a test. */
    ApplicationStatusRepository(MongoDatabase queryDatabase) {
        this(queryDatabase, 0);
    }

    /** {@code queryDatabase}: the query side's database bean, by name should the application define another. */
    @Autowired
    ApplicationStatusRepository(MongoDatabase queryDatabase,
                                @Value("${yaohao.query.status-cache.entries:0}") long cachedLookUps) {
        this.lookUps = ReadCache.holding(cachedLookUps);
        this.collection = new BufferedCollection(queryDatabase.getCollection(COLLECTION), lookUps::forget);
        this.drawnPools = new BufferedCollection(queryDatabase.getCollection(DRAWN_POOLS), 1);
        this.savedKey = ApplicationStatusRepository.class.getName() + "/" + queryDatabase.getName();
    }

    /**
     * The stored document, for a query: from the cache of look-ups when it holds it. Never sees a projection batch's
     * pending writes, and never an older document than one already answered.
     */
    Optional<ApplicationStatusDocument> lookUp(String code) {
        return lookUps.get(code, id -> collection.find(id).map(ApplicationStatusDocument::fromBson));
    }

    /** A rebuild moved fresh collections over the live ones: what the cache holds may be gone or different. */
    @EventListener
    void on(CollectionsReplacedEvent event) {
        if (event.collections().contains(COLLECTION)) {
            lookUps.forgetAll();
        }
    }

    Optional<ApplicationStatusDocument> find(String code) {
        Map<String, ApplicationStatusDocument> saved = savedInBatch(false);
        ApplicationStatusDocument known = saved == null || !collection.isPending(code) ? null : saved.get(code);
        return known != null ? Optional.of(known) : collection.find(code).map(ApplicationStatusDocument::fromBson);
    }

    /** Reads these applications' documents a thousand at a time for the batch's later {@link #find}s. */
    void prefetch(Collection<String> codes) {
        collection.prefetch(codes);
    }

    /**
     * Every application with this status. Unlike the other accesses this one filters the whole collection (the
     * in-process server scans it): it serves the recommendation's live-pool estimate, not the hot look-up path.
     */
    List<ApplicationStatusDocument> findByStatus(ApplicationStatus status) {
        List<ApplicationStatusDocument> found = new ArrayList<>();
        collection.collection().find(eq("status", status.name()))
                  .forEach(document -> found.add(ApplicationStatusDocument.fromBson(document)));
        return found;
    }

    /** Inserts or replaces the whole document: the projection computes it in full, so a replace is idempotent. */
    void save(ApplicationStatusDocument document) {
        Map<String, ApplicationStatusDocument> saved = savedInBatch(true);
        if (saved != null) {
            saved.put(document.code(), document);
        }
        collection.replace(document.code(), document::toBson);
    }

    /**
     * The documents this repository saved in the current batch, as records: a handler reads back what the one before
     * it saved without decoding it, and the stored form is built once, when the batch is written. {@code null}
     * outside a batch.
     */
    private Map<String, ApplicationStatusDocument> savedInBatch(boolean create) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return create ? root.getOrComputeResource(savedKey, key -> new HashMap<>()) : root.getResource(savedKey);
    }

    /**
     * Records that the round's pool was drawn (an upsert of the same document each time). Written after the batch's
     * status documents (a later rank): a reader never sees the pool drawn before its winners.
     */
    void markDrawn(String roundId, PoolKind pool) {
        String id = roundId + "/" + pool.name();
        drawnPools.replace(id, new Document("_id", id).append("roundId", roundId).append("pool", pool.name()));
    }

    /**
     * Whether the pool is drawn. A pool once drawn stays drawn (a rebuild writes the same marker again), so a "yes" is
     * remembered and every later result look-up of the pool is answered without a round trip.
     */
    boolean isDrawn(String roundId, PoolKind pool) {
        String id = roundId + "/" + pool.name();
        if (knownDrawn.contains(id)) {
            return true;
        }
        boolean drawn = drawnPools.find(id).isPresent();
        if (drawn && !drawnPools.isPending(id)) {
            knownDrawn.add(id);
        }
        return drawn;
    }
}
