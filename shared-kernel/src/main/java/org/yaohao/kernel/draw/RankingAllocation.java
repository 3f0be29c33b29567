package org.yaohao.kernel.draw;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Allocation in a RANKING pool ({@code docs/domain-rules.md}, Allocation rounds): the new-energy FAMILY pool ranks
 * by family points descending, then the time the application first became valid ascending, then application code;
 * the new-energy INDIVIDUAL pool is the same ranking with every entry at 0 points, so a queue (轮候) by the time
 * the application first became valid, then code. Codes compare by their UTF-8 bytes. The first {@code k} win;
 * a winner's sequence number is its rank.
 */
public final class RankingAllocation {

    /** Points descending, then valid-since ascending, then code ascending (UTF-8 bytes). */
    public static final Comparator<RankedEntry> ORDER = Comparator
            .comparingLong(RankedEntry::pointsTenths).reversed()
            .thenComparing(RankedEntry::validSince)
            .thenComparing(RankedEntry::code, CodeOrder::compare);

    private RankingAllocation() {
    }

    /**
     * The first {@code k} entries in ranking order, with their rank as sequence number; every entry if there are
     * at most {@code k}. Refuses a code that appears twice or a negative {@code k}.
     */
    public static List<Winner> rank(List<RankedEntry> entries, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("the number of quotas k must not be negative, was " + k);
        }
        Set<String> codes = new HashSet<>();
        for (RankedEntry entry : entries) {
            if (entry == null) {
                throw new IllegalArgumentException("a ranking must not contain a null entry");
            }
            if (!codes.add(entry.code())) {
                throw new IllegalArgumentException("a ranking must not contain code " + entry.code() + " twice");
            }
        }
        List<RankedEntry> ranked = new ArrayList<>(entries);
        ranked.sort(ORDER);
        int winners = Math.min(k, ranked.size());
        List<Winner> result = new ArrayList<>(winners);
        for (int i = 0; i < winners; i++) {
            result.add(new Winner(i + 1, ranked.get(i).code()));
        }
        return List.copyOf(result);
    }
}
