package org.yaohao.query.statistics;

import org.bson.Document;
import org.yaohao.query.store.BufferedCollection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Counters in one collection, each a document keyed by {@code _id}, incremented at most once per mark however often
 * the event that brings the mark is delivered (a batch retried, the last batch redelivered after a crash). The counter
 * keeps the marks it applied, written with its counts as one document, so no transaction is needed.
 * <p>
 * Marks are either the whole set of something small (the chunks of one frozen pool) or, for counters that every
 * application adds to, the identifiers of the last {@value #RECENT_EVENTS} events applied: the processor redelivers at
 * most its unfinished batch ({@code QuerySideConfiguration.BATCH_SIZE} events), so older marks are never needed. Event
 * identifiers rather than positions in the stream, because a JDBC event store delivers an event committed late after
 * later ones (a gap filled) and its tracking token's position does not move for it.
 * <p>
 * Writes go through a {@link BufferedCollection}: within a batch a counter is read once, changed in memory by every
 * event of the batch, and written once before the batch's token.
 */
final class OnceOnlyCounters {

    /** The events a counter remembers: more than the processor's batch, which is all it can redeliver. */
    static final int RECENT_EVENTS = 500;

    /**
     * The field of the identifiers of the last events a counter applied: one string, the identifiers separated by
     * spaces, not an array (the in-process server would encode 500 array elements at every write of the counter).
     */
    static final String RECENT = "recentEvents";

    /**
     * The field of how many identifiers {@value #RECENT} holds: once it holds {@value #RECENT_EVENTS}, an event's
     * identifier is added at the end and the first one dropped, without counting them at every event.
     */
    static final String RECENT_COUNT = "recentEventCount";

    private static final char SEPARATOR = ' ';

    private final BufferedCollection collection;

    OnceOnlyCounters(BufferedCollection collection) {
        this.collection = collection;
    }

    /** Adds {@code increments} (dotted paths → amounts) to counter {@code id} unless event {@code eventId} did already. */
    void incrementForEvent(String id, String eventId, Map<String, Long> increments, Document descriptive) {
        Document counter = counter(id, descriptive);
        String recent = counter.get(RECENT) instanceof String text ? text : "";
        if (containsMark(recent, eventId)) {
            return;
        }
        increments.forEach((path, amount) -> add(counter, path, amount));
        int marks = counter.get(RECENT_COUNT) instanceof Number count ? count.intValue() : count(recent);
        String kept = marks < RECENT_EVENTS ? recent : recent.substring(recent.indexOf(SEPARATOR) + 1);
        counter.put(RECENT, kept.isEmpty() ? eventId : kept + SEPARATOR + eventId);
        counter.put(RECENT_COUNT, Math.min(marks + 1, RECENT_EVENTS));
        collection.replace(id, counter);
    }

    /** Adds {@code increments} to counter {@code id} unless {@code mark} is in its array {@code marks} already. */
    void incrementOnce(String id, String marks, Object mark, Map<String, Long> increments, Document descriptive) {
        Document counter = counter(id, descriptive);
        List<Object> applied = new ArrayList<>(counter.getList(marks, Object.class, List.of()));
        if (applied.contains(mark)) {
            return;
        }
        increments.forEach((path, amount) -> add(counter, path, amount));
        applied.add(mark);
        counter.put(marks, applied);
        collection.replace(id, counter);
    }

    private Document counter(String id, Document descriptive) {
        Document counter = collection.find(id).orElseGet(() -> new Document("_id", id));
        descriptive.forEach(counter::putIfAbsent);
        return counter;
    }

    /** Whether the space-separated {@code marks} hold {@code mark} as one of them. */
    static boolean containsMark(String marks, String mark) {
        for (int at = marks.indexOf(mark); at >= 0; at = marks.indexOf(mark, at + 1)) {
            int end = at + mark.length();
            if ((at == 0 || marks.charAt(at - 1) == SEPARATOR) && (end == marks.length() || marks.charAt(end) == SEPARATOR)) {
                return true;
            }
        }
        return false;
    }

    /** How many marks the space-separated {@code marks} hold (a counter written before {@value #RECENT_COUNT} was). */
    private static int count(String marks) {
        if (marks.isEmpty()) {
            return 0;
        }
        int count = 1;
        for (int at = marks.indexOf(SEPARATOR); at >= 0; at = marks.indexOf(SEPARATOR, at + 1)) {
            count++;
        }
        return count;
    }

    /** Adds {@code amount} to the number at the dotted {@code path}, creating the nested documents it names. */
    private static void add(Document document, String path, long amount) {
        String[] keys = path.split("\\.");
        Document parent = document;
        for (int i = 0; i < keys.length - 1; i++) {
            Object child = parent.get(keys[i]);
            if (!(child instanceof Document)) {
                child = new Document();
                parent.put(keys[i], child);
            }
            parent = (Document) child;
        }
        Object current = parent.get(keys[keys.length - 1]);
        parent.put(keys[keys.length - 1], (current instanceof Number n ? n.longValue() : 0L) + amount);
    }
}
