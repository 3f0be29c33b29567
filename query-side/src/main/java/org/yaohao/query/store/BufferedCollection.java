package org.yaohao.query.store;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * A collection whose documents are written whole, by {@code _id}, and whose writes made in a unit of work (an event
 * processor's batch) wait for the end of it: then every collection's pending writes go out as one ordered bulk write,
 * in the order the collections were first written. A projection thus costs one round trip per batch and collection
 * instead of one per event, and a document written several times in a batch is written once. A collection of summaries
 * written from the same events as others (a round that shows its pools, drawn over its entrants' statuses) gets a
 * later {@code rank}: its writes go out after theirs, so a reader who sees the summary also sees what it sums up.
 * <p>
 * Reads see the batch's own pending writes first, so a handler builds on what the handlers before it wrote. A
 * document the batch found missing from the store (by {@link #find} or {@link #prefetch}) is inserted rather than
 * upserted: the in-process server of the standalone jar inserts at a fraction of an upsert's cost, which is most of
 * a rebuild's writes. Only this batch writes the documents of its events, so nothing else can have stored it since.
 * Outside a unit of work (a test calling a handler, a start-up task) every write goes out at once.
 * <p>
 * When the pending writes go out: {@link FlushingTokenStore} writes them just before the processor stores the
 * batch's token, so a crash loses at most writes whose token was not stored either, and the batch is replayed (the
 * projections are idempotent). A unit of work that stores no token writes them when it commits. A batch that fails
 * is rolled back with its pending writes: nothing of it reaches the store.
 * <p>
 * A collection may be told its writes: {@code written} gets the {@code _id}s of every write once it has gone out (or
 * failed: part of a failed bulk write may have reached the store), which keeps a {@link ReadCache} of it coherent.
 */
public final class BufferedCollection {

    private static final String PENDING = BufferedCollection.class.getName() + ".pending";

    /** Marks a pending delete, or a prefetched {@code _id} the collection does not hold. */
    private static final Document DELETED = new Document();

    /** {@code _id}s per {@code $in} query of {@link #prefetch}. */
    private static final int PREFETCH_SLICE = 1_000;

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private static final Consumer<Collection<Object>> UNTOLD = ids -> { };

    private final MongoCollection<Document> collection;
    private final int rank;
    private final Consumer<Collection<Object>> written;

    /** A collection whose writes go out with the others of rank 0, in the order of first writes. */
    public BufferedCollection(MongoCollection<Document> collection) {
        this(collection, 0);
    }

    /** A collection whose writes go out after those of every lower rank. */
    public BufferedCollection(MongoCollection<Document> collection, int rank) {
        this(collection, rank, UNTOLD);
    }

    /** A collection of rank 0 that tells {@code written} the {@code _id}s of its writes once they have gone out. */
    public BufferedCollection(MongoCollection<Document> collection, Consumer<Collection<Object>> written) {
        this(collection, 0, written);
    }

    private BufferedCollection(MongoCollection<Document> collection, int rank,
                               Consumer<Collection<Object>> written) {
        this.collection = collection;
        this.rank = rank;
        this.written = written;
    }

    /** The document with this {@code _id}: the batch's pending write if any, else the stored one. */
    public Optional<Document> find(Object id) {
        Batch batch = batch(false);
        Document known = batch == null ? null : resolved(batch.documents.getOrDefault(id, batch.prefetched.get(id)));
        if (known != null) {
            return known == DELETED ? Optional.empty() : Optional.of(known);
        }
        Document stored = collection.find(eq("_id", id)).first();
        if (stored == null) {
            Batch absentFrom = batch(true);
            if (absentFrom != null) {
                absentFrom.prefetched.put(id, DELETED);
            }
        }
        return Optional.ofNullable(stored);
    }

    /**
     * Reads the documents with these {@code _id}s in a few round trips ({@code $in} queries, which the {@code _id}
     * index answers) for the batch's later {@link #find}s: a handler about to read thousands of documents one by one
     * (a pool's entrants) reads them a thousand at a time. Does nothing outside a batch.
     */
    public void prefetch(Collection<?> ids) {
        Batch batch = batch(true);
        if (batch == null) {
            return;
        }
        List<Object> wanted = new ArrayList<>(PREFETCH_SLICE);
        for (Object id : ids) {
            if (!batch.documents.containsKey(id) && !batch.prefetched.containsKey(id)) {
                wanted.add(id);
                if (wanted.size() == PREFETCH_SLICE) {
                    prefetchSlice(batch, wanted);
                    wanted.clear();
                }
            }
        }
        if (!wanted.isEmpty()) {
            prefetchSlice(batch, wanted);
        }
    }

    private void prefetchSlice(Batch batch, List<Object> ids) {
        ids.forEach(id -> batch.prefetched.put(id, DELETED));
        collection.find(in("_id", ids)).forEach(document -> batch.prefetched.put(document.get("_id"), document));
    }

    /**
     * Whether this {@code _id} has a write pending in the current unit of work: what {@link #find} answers for it is
     * not stored yet, and a batch that fails takes it back.
     */
    public boolean isPending(Object id) {
        Batch batch = batch(false);
        return batch != null && batch.documents.containsKey(id);
    }

    /** Inserts or replaces the whole document with this {@code _id}. */
    public void replace(Object id, Document document) {
        Map<Object, Document> pending = pending(true);
        if (pending == null) {
            writeNow(id, () -> collection.replaceOne(eq("_id", id), document, UPSERT));
        } else {
            pending.put(id, document);
        }
    }

    /**
     * Inserts or replaces the whole document with this {@code _id}, built only when it is written (or read back
     * through {@link #find}): a document changed by several events of a batch is then built once, not once per event.
     * The caller keeps the value the supplier builds from, and must not change it afterwards.
     */
    public void replace(Object id, Supplier<Document> document) {
        Map<Object, Document> pending = pending(true);
        if (pending == null) {
            writeNow(id, () -> collection.replaceOne(eq("_id", id), document.get(), UPSERT));
        } else {
            pending.put(id, new Deferred(document));
        }
    }

    /** Deletes the document with this {@code _id}, if there is one. */
    public void delete(Object id) {
        Map<Object, Document> pending = pending(true);
        if (pending == null) {
            writeNow(id, () -> collection.deleteOne(eq("_id", id)));
        } else {
            pending.put(id, DELETED);
        }
    }

    private void writeNow(Object id, Runnable write) {
        try {
            write.run();
        } finally {
            written.accept(List.of(id));
        }
    }

    /** The underlying collection, for reads that are not by {@code _id} (they do not see pending writes). */
    public MongoCollection<Document> collection() {
        return collection;
    }

    /**
     * Writes the current unit of work's pending writes now, collection by collection by rank, then in the order they
     * were first written, and forgets what was prefetched; a no-op outside a unit of work or when nothing is pending.
     * Before the token, and by a handler that has just changed a great many documents (a pool's chunk of 50,000
     * entrants), so that a batch never holds more than that in memory: writing a batch's documents early is safe,
     * since the projections are idempotent and the token still comes last.
     */
    public static void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            Map<Integer, Map<MongoNamespace, Batch>> batches = CurrentUnitOfWork.get().root().getResource(PENDING);
            if (batches != null) {
                write(batches);
            }
        }
    }

    private static void write(Map<Integer, Map<MongoNamespace, Batch>> batchesByRank) {
        for (Batch batch : batchesByRank.values().stream().flatMap(batches -> batches.values().stream()).toList()) {
            if (!batch.documents.isEmpty()) {
                List<WriteModel<Document>> writes = new ArrayList<>(batch.documents.size());
                batch.documents.forEach((id, pending) -> {
                    Document document = resolved(pending);
                    writes.add(document == DELETED ? new DeleteOneModel<>(eq("_id", id))
                               : batch.prefetched.get(id) == DELETED ? new InsertOneModel<>(document)
                               : new ReplaceOneModel<>(eq("_id", id), document, UPSERT));
                });
                try {
                    batch.collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
                } finally {
                    batch.written.accept(batch.documents.keySet());
                }
                batch.documents.clear();
            }
            batch.prefetched.clear();
        }
    }

    /** This collection's pending writes in the current unit of work, or {@code null} when writes go out at once. */
    private Map<Object, Document> pending(boolean create) {
        Batch batch = batch(create);
        return batch == null ? null : batch.documents;
    }

    /**
     * This collection's part of the current unit of work, or {@code null} when there is none: no unit of work, or
     * one already committing (a write from a commit handler is not deferred past its own commit).
     */
    private Batch batch(boolean create) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (root.phase() != UnitOfWork.Phase.STARTED) {
            return null;
        }
        Map<Integer, Map<MongoNamespace, Batch>> batches = create
                ? root.getOrComputeResource(PENDING, key -> {
                    Map<Integer, Map<MongoNamespace, Batch>> created = new TreeMap<>();
                    root.onPrepareCommit(unitOfWork -> write(created));
                    return created;
                })
                : root.getResource(PENDING);
        if (batches == null) {
            return null;
        }
        return create ? batches.computeIfAbsent(rank, r -> new LinkedHashMap<>())
                               .computeIfAbsent(collection.getNamespace(), namespace -> new Batch(collection, written))
                      : batches.getOrDefault(rank, Map.of()).get(collection.getNamespace());
    }

    private static Document resolved(Document pending) {
        return pending instanceof Deferred deferred ? deferred.build() : pending;
    }

    /** A pending document built when it is needed, once. */
    private static final class Deferred extends Document {

        private final transient Supplier<Document> supplier;
        private transient Document built;

        private Deferred(Supplier<Document> supplier) {
            this.supplier = supplier;
        }

        Document build() {
            if (built == null) {
                built = supplier.get();
            }
            return built;
        }
    }

    /**
     * One collection's part of a batch: its pending writes (the last write per {@code _id}, in the order of first
     * writes) and the documents prefetched for it.
     */
    private static final class Batch {

        private final MongoCollection<Document> collection;
        private final Consumer<Collection<Object>> written;
        private final Map<Object, Document> documents = new LinkedHashMap<>();
        private final Map<Object, Document> prefetched = new HashMap<>();

        private Batch(MongoCollection<Document> collection, Consumer<Collection<Object>> written) {
            this.collection = collection;
            this.written = written;
        }
    }
}
