package org.yaohao.query.store;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * A collection whose documents are written whole, by {@code _id}, and whose writes made in a unit of work (an event
 * processor's batch) wait for the end of it: then every collection's pending writes go out as one ordered bulk write,
 * in the order the collections were first written. A projection thus costs one round trip per batch and collection
 * instead of one per event, and a document written several times in a batch is written once.
 * <p>
 * Reads see the batch's own pending writes first, so a handler builds on what the handlers before it wrote.
 * Outside a unit of work (a test calling a handler, a start-up task) every write goes out at once.
 * <p>
 * When the pending writes go out: {@link FlushingTokenStore} writes them just before the processor stores the
 * batch's token, so a crash loses at most writes whose token was not stored either, and the batch is replayed (the
 * projections are idempotent). A unit of work that stores no token writes them when it commits. A batch that fails
 * is rolled back with its pending writes: nothing of it reaches the store.
 */
public final class BufferedCollection {

    private static final String PENDING = BufferedCollection.class.getName() + ".pending";

    /** Marks a pending delete. */
    private static final Document DELETED = new Document();

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> collection;

    public BufferedCollection(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** The document with this {@code _id}: the batch's pending write if any, else the stored one. */
    public Optional<Document> find(Object id) {
        Map<Object, Document> pending = pending(false);
        Document written = pending == null ? null : pending.get(id);
        if (written != null) {
            return written == DELETED ? Optional.empty() : Optional.of(written);
        }
        return Optional.ofNullable(collection.find(eq("_id", id)).first());
    }

    /** Inserts or replaces the whole document with this {@code _id}. */
    public void replace(Object id, Document document) {
        Map<Object, Document> pending = pending(true);
        if (pending == null) {
            collection.replaceOne(eq("_id", id), document, UPSERT);
        } else {
            pending.put(id, document);
        }
    }

    /** Deletes the document with this {@code _id}, if there is one. */
    public void delete(Object id) {
        Map<Object, Document> pending = pending(true);
        if (pending == null) {
            collection.deleteOne(eq("_id", id));
        } else {
            pending.put(id, DELETED);
        }
    }

    /** The underlying collection, for reads that are not by {@code _id} (they do not see pending writes). */
    public MongoCollection<Document> collection() {
        return collection;
    }

    /**
     * Writes the current unit of work's pending writes now, collection by collection in the order they were first
     * written; a no-op outside a unit of work or when nothing is pending.
     */
    public static void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            Map<MongoNamespace, Batch> batches = CurrentUnitOfWork.get().root().getResource(PENDING);
            if (batches != null) {
                write(batches);
            }
        }
    }

    private static void write(Map<MongoNamespace, Batch> batches) {
        for (Batch batch : batches.values()) {
            if (!batch.documents.isEmpty()) {
                List<WriteModel<Document>> writes = new ArrayList<>(batch.documents.size());
                batch.documents.forEach((id, document) -> writes.add(
                        document == DELETED ? new DeleteOneModel<>(eq("_id", id))
                                            : new ReplaceOneModel<>(eq("_id", id), document, UPSERT)));
                batch.collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
                batch.documents.clear();
            }
        }
    }

    /**
     * This collection's pending writes in the current unit of work, or {@code null} when writes go out at once: no
     * unit of work, or one already committing (a write from a commit handler is not deferred past its own commit).
     */
    private Map<Object, Document> pending(boolean create) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (root.phase() != UnitOfWork.Phase.STARTED) {
            return null;
        }
        Map<MongoNamespace, Batch> batches = create
                ? root.getOrComputeResource(PENDING, key -> {
                    Map<MongoNamespace, Batch> created = new LinkedHashMap<>();
                    root.onPrepareCommit(unitOfWork -> write(created));
                    return created;
                })
                : root.getResource(PENDING);
        if (batches == null) {
            return null;
        }
        Batch batch = create ? batches.computeIfAbsent(collection.getNamespace(), namespace -> new Batch(collection))
                             : batches.get(collection.getNamespace());
        return batch == null ? null : batch.documents;
    }

    /** One collection's pending writes: the last write per {@code _id}, in the order of first writes. */
    private static final class Batch {

        private final MongoCollection<Document> collection;
        private final Map<Object, Document> documents = new LinkedHashMap<>();

        private Batch(MongoCollection<Document> collection) {
            this.collection = collection;
        }
    }
}
