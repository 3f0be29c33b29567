package org.yaohao.query.application;

import org.bson.Document;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.round.RoundEntryView;
import org.yaohao.kernel.round.RoundParticipationView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * One round inside an {@link ApplicationStatusDocument}: the pool the application was frozen into, its entries there
 * (one, or {@code code-1} … {@code code-5} for an enterprise) with their weights and, once drawn, sequence numbers,
 * and the outcome recorded on the application. Codes and weights only, no personal data.
 * <p>
 * Round events come from the AllocationRound aggregate, so the application's {@code lastSequence} says nothing
 * about them. Each change is computed from the event's content and replaces what it describes (the entries of the
 * frozen pool, the sequence numbers of the drawn pool, the outcome), so applying an event twice changes nothing.
 *
 * @param pool            the pool frozen with the application's entries; {@code null} when only the outcome is known
 * @param entries         in pool order
 * @param won             the outcome recorded on the application; {@code null} until recorded
 * @param outcomeSequence the sequence number the outcome carries (0 when not won); {@code null} until recorded
 */
record RoundEntry(String roundId, PoolKind pool, List<Entry> entries, Boolean won, Integer outcomeSequence) {

    RoundEntry {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /**
     * The round as frozen into {@code newPool} with {@code frozen} (code and weight, in pool order). A sequence
     * number already known for the same entry of the same pool is kept, as is the recorded outcome.
     */
    static RoundEntry frozen(RoundEntry current, String roundId, PoolKind newPool, List<Entry> frozen) {
        Map<String, Integer> known = new LinkedHashMap<>();
        if (current != null && current.pool() == newPool) {
            current.entries().forEach(e -> known.put(e.code(), e.sequence()));
        }
        List<Entry> entries = frozen.stream()
                                    .map(e -> new Entry(e.code(), e.weight(), known.get(e.code())))
                                    .toList();
        return new RoundEntry(roundId, newPool, entries, current == null ? null : current.won(),
                              current == null ? null : current.outcomeSequence());
    }

    /**
     * The round after {@code pool} was drawn: each entry's sequence number is the one among {@code sequences} (code
     * → sequence number, the winners of this application) or none. Winners not among the entries (their freeze not
     * seen) are added without a weight.
     */
    static RoundEntry drawn(RoundEntry current, String roundId, PoolKind pool, Map<String, Integer> sequences) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> left = new LinkedHashMap<>(sequences);
        if (current != null && current.pool() == pool) {
            current.entries().forEach(e -> entries.add(new Entry(e.code(), e.weight(), left.remove(e.code()))));
        }
        left.forEach((code, sequence) -> entries.add(new Entry(code, null, sequence)));
        entries.sort((a, b) -> a.code().compareTo(b.code()));
        return new RoundEntry(roundId, pool, entries, current == null ? null : current.won(),
                              current == null ? null : current.outcomeSequence());
    }

    /** The round with its outcome as the application recorded it. */
    static RoundEntry outcome(RoundEntry current, String roundId, boolean won, int sequence) {
        return current == null
                ? new RoundEntry(roundId, null, List.of(), won, sequence)
                : new RoundEntry(roundId, current.pool(), current.entries(), won, sequence);
    }

    /**
     * Whether the application was drawn: the recorded outcome when there is one; otherwise {@code true} when an entry
     * has a sequence number, {@code false} when its pool was drawn without it, {@code null} while not known.
     *
     * @param poolDrawn whether the round's pool (round id, pool) is known to be drawn
     */
    Boolean drawn(BiPredicate<String, PoolKind> poolDrawn) {
        if (won != null) {
            return won;
        }
        if (entries.stream().anyMatch(e -> e.sequence() != null)) {
            return true;
        }
        return pool != null && poolDrawn.test(roundId, pool) ? Boolean.FALSE : null;
    }

    RoundEntryView toView(BiPredicate<String, PoolKind> poolDrawn) {
        return new RoundEntryView(roundId, pool, drawn(poolDrawn), entryViews());
    }

    RoundParticipationView toParticipationView(BiPredicate<String, PoolKind> poolDrawn) {
        return new RoundParticipationView(true, pool, drawn(poolDrawn), entryViews());
    }

    private List<RoundEntryView.Entry> entryViews() {
        return entries.stream().map(e -> new RoundEntryView.Entry(e.code(), e.weight(), e.sequence())).toList();
    }

    /** One entry: its code ({@code code-n} for an enterprise), weight and, once drawn, sequence number. */
    record Entry(String code, Long weight, Integer sequence) {
    }

    // ---- mapping to and from BSON (nulls are left out by the document's writer) ----------------------------------

    Document toBson() {
        return new Document("roundId", roundId)
                .append("pool", pool == null ? null : pool.name())
                .append("entries", entries.stream()
                        .map(e -> new Document("code", e.code())
                                .append("weight", e.weight())
                                .append("sequence", e.sequence()))
                        .toList())
                .append("won", won)
                .append("outcomeSequence", outcomeSequence);
    }

    static RoundEntry fromBson(Document d) {
        String pool = d.getString("pool");
        return new RoundEntry(
                d.getString("roundId"),
                pool == null ? null : PoolKind.valueOf(pool),
                d.getList("entries", Document.class, List.of()).stream()
                 .map(e -> new Entry(e.getString("code"),
                                     e.get("weight") == null ? null : e.get("weight", Number.class).longValue(),
                                     e.getInteger("sequence")))
                 .toList(),
                d.getBoolean("won"),
                d.getInteger("outcomeSequence"));
    }
}
