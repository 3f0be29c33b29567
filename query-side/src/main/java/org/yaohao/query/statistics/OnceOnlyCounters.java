package org.yaohao.query.statistics;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

/**
 * Counters in one collection, each a document keyed by {@code _id}, incremented at most once per event however often
 * the event is delivered (replay after a crash, a retried batch). Two guards, both a filter on the counter's own
 * document, so no transaction is needed:
 * <ul>
 *     <li>{@link #incrementAt}: the counter remembers {@value #POSITION} (the global position in the event stream of
 *     the last event applied to it); an event at or below it changes nothing. The processor handles events in stream
 *     order, so this holds per counter;</li>
 *     <li>{@link #incrementOnce}: the counter remembers the marks it has applied in an array (a handful per document,
 *     e.g. the chunks of one frozen pool).</li>
 * </ul>
 * The document is created first with its descriptive fields ({@code $setOnInsert}), then incremented through the
 * guarded filter, which matches nothing when the event was applied already.
 */
final class OnceOnlyCounters {

    /** The global position of the last event a counter applied. */
    static final String POSITION = "lastPosition";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> collection;

    OnceOnlyCounters(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /**
     * Adds {@code increments} (dotted field paths → amounts) to counter {@code id} unless an event at {@code position}
     * or later was applied to it already.
     */
    void incrementAt(String id, long position, Map<String, Long> increments, Document descriptive) {
        collection.updateOne(eq("_id", id), Updates.setOnInsert(new Document(descriptive).append(POSITION, -1L)),
                             UPSERT);
        List<Bson> updates = incrementsOf(increments);
        updates.add(Updates.set(POSITION, position));
        collection.updateOne(and(eq("_id", id), lt(POSITION, position)), Updates.combine(updates));
    }

    /** Adds {@code increments} to counter {@code id} unless {@code mark} is in its array {@code marks} already. */
    void incrementOnce(String id, String marks, Object mark, Map<String, Long> increments, Document descriptive) {
        collection.updateOne(eq("_id", id), Updates.setOnInsert(new Document(descriptive).append(marks, List.of())),
                             UPSERT);
        List<Bson> updates = incrementsOf(increments);
        updates.add(Updates.push(marks, mark));
        collection.updateOne(and(eq("_id", id), ne(marks, mark)), Updates.combine(updates));
    }

    private static List<Bson> incrementsOf(Map<String, Long> increments) {
        List<Bson> updates = new ArrayList<>();
        increments.forEach((field, amount) -> updates.add(Updates.inc(field, amount)));
        return updates;
    }
}
