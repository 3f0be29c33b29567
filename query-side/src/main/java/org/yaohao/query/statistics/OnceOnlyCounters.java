package org.yaohao.query.statistics;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

/**
 * Counters in one collection, each a document keyed by {@code _id}, incremented at most once per mark however often
 * the event that brings the mark is delivered (a batch retried, the last batch redelivered after a crash). The counter
 * keeps the marks it applied in an array; the increment and the new mark are one update of one document, guarded by a
 * filter that matches nothing when the mark is there already, so no transaction is needed.
 * <p>
 * Marks are either the whole set of something small (the chunks of one frozen pool) or, for counters that every
 * application adds to, the identifiers of the last {@value #RECENT_EVENTS} events applied: the processor redelivers at
 * most its unfinished batch ({@code QuerySideConfiguration.BATCH_SIZE} events), so older marks are never needed. Event
 * identifiers rather than positions in the stream, because a JDBC event store delivers an event committed late after
 * later ones (a gap filled) and its tracking token's position does not move for it.
 */
final class OnceOnlyCounters {

    /** The events a counter remembers: more than the processor's batch, which is all it can redeliver. */
    static final int RECENT_EVENTS = 500;

    /** The field of the identifiers of the last events a counter applied. */
    static final String RECENT = "recentEvents";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> collection;

    OnceOnlyCounters(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** Adds {@code increments} (dotted paths → amounts) to counter {@code id} unless event {@code eventId} did already. */
    void incrementForEvent(String id, String eventId, Map<String, Long> increments, Document descriptive) {
        incrementOnce(id, RECENT, eventId, RECENT_EVENTS, increments, descriptive);
    }

    /** Adds {@code increments} to counter {@code id} unless {@code mark} is in its array {@code marks} already. */
    void incrementOnce(String id, String marks, Object mark, Map<String, Long> increments, Document descriptive) {
        incrementOnce(id, marks, mark, 0, increments, descriptive);
    }

    /** @param keep how many of the latest marks to keep, 0 for all */
    private void incrementOnce(String id, String marks, Object mark, int keep, Map<String, Long> increments,
                               Document descriptive) {
        collection.updateOne(eq("_id", id), Updates.setOnInsert(new Document(descriptive).append(marks, List.of())),
                             UPSERT);
        List<Bson> updates = new ArrayList<>();
        increments.forEach((field, amount) -> updates.add(Updates.inc(field, amount)));
        updates.add(keep > 0 ? Updates.pushEach(marks, List.of(mark), new PushOptions().slice(-keep))
                             : Updates.push(marks, mark));
        collection.updateOne(and(eq("_id", id), ne(marks, mark)), Updates.combine(updates));
    }
}
