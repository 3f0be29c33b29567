package org.yaohao.command.round;

import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.round.PoolEntriesFrozenEvent;
import org.yaohao.kernel.round.PoolFrozenEvent;
import org.yaohao.kernel.round.RoundId;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One pool as the freeze records it: its entries in chunks of {@link PoolEntriesFrozenEvent#MAX_ENTRIES} (plus the
 * rest of an enterprise's entries), then the {@link PoolFrozenEvent} that closes it.
 */
record FrozenPool(List<PoolEntriesFrozenEvent> chunks, PoolFrozenEvent head) {

    FrozenPool {
        chunks = List.copyOf(chunks);
    }

    /**
     * Cuts {@code entries} (in pool order) into chunks of {@link PoolEntriesFrozenEvent#MAX_ENTRIES}, never between
     * two entries of one application (an enterprise's {@code code-1} … {@code code-5} are adjacent in pool order), so
     * a reader sees all of an application's entries in one chunk; {@code head} (given the number of chunks) closes
     * them.
     */
    static FrozenPool of(RoundId roundId, PoolKind pool, List<PoolFrozenEvent.Entry> entries,
                         IntFunction<PoolFrozenEvent> head) {
        List<PoolEntriesFrozenEvent> chunks = new ArrayList<>();
        int from = 0;
        while (from < entries.size()) {
            int to = Math.min(entries.size(), from + PoolEntriesFrozenEvent.MAX_ENTRIES);
            while (to < entries.size() && applicationOf(entries.get(to)).equals(applicationOf(entries.get(to - 1)))) {
                to++;
            }
            chunks.add(new PoolEntriesFrozenEvent(roundId, pool, chunks.size(),
                                                  entries.subList(from, to)));
            from = to;
        }
        return new FrozenPool(chunks, head.apply(chunks.size()));
    }

    private static String applicationOf(PoolFrozenEvent.Entry entry) {
        return ApplicationCode.ofEntry(entry.code());
    }

    List<PoolFrozenEvent.Entry> entries() {
        List<PoolFrozenEvent.Entry> all = new ArrayList<>(head.entryCount());
        chunks.forEach(chunk -> all.addAll(chunk.entries()));
        return all;
    }
}
