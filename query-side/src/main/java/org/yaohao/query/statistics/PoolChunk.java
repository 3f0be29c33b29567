package org.yaohao.query.statistics;

import org.bson.Document;
import org.yaohao.kernel.application.ApplicantKind;

import java.util.ArrayList;
import java.util.List;

/**
 * One chunk of a frozen pool as the statistics keep it, {@code _id = <roundId>/<POOL>#<n>}: per entry its code, its
 * weight and the kind of application it belongs to ({@code I}ndividual, {@code F}amily, {@code E}nterprise, or
 * {@code U} when the application was never seen), as lines {@code code,weight,kind\n} in pool order. The rounds'
 * {@code frozen_pools} hold the same entries without the kind, for another processor: this copy is what lets the
 * draw's winners and a what-if be grouped by kind without reading another projection's documents.
 */
record PoolChunk(String poolId, int index, List<Entry> entries) {

    /** An entry; {@code kind} {@code null} when the application was never seen by the statistics. */
    record Entry(String code, long weight, ApplicantKind kind) {
    }

    static String id(String poolId, int index) {
        return poolId + "#" + index;
    }

    String id() {
        return id(poolId, index);
    }

    Document toBson() {
        StringBuilder lines = new StringBuilder(entries.size() * 24);
        for (Entry entry : entries) {
            lines.append(entry.code()).append(',').append(entry.weight()).append(',')
                 .append(entry.kind() == null ? 'U' : entry.kind().name().charAt(0)).append('\n');
        }
        return new Document("_id", id()).append("pool", poolId).append("index", index)
                                        .append("entryCount", entries.size()).append("lines", lines.toString());
    }

    static PoolChunk fromBson(Document d) {
        String lines = d.getString("lines");
        List<Entry> entries = new ArrayList<>(d.getInteger("entryCount", 0));
        int from = 0;
        while (from < lines.length()) {
            int end = lines.indexOf('\n', from);
            int firstComma = lines.indexOf(',', from);
            int secondComma = lines.indexOf(',', firstComma + 1);
            entries.add(new Entry(lines.substring(from, firstComma),
                                  Long.parseLong(lines, firstComma + 1, secondComma, 10),
                                  kindOf(lines.charAt(secondComma + 1))));
            from = end + 1;
        }
        return new PoolChunk(d.getString("pool"), d.getInteger("index"), entries);
    }

    private static ApplicantKind kindOf(char letter) {
        for (ApplicantKind kind : ApplicantKind.values()) {
            if (kind.name().charAt(0) == letter) {
                return kind;
            }
        }
        return null;
    }
}
