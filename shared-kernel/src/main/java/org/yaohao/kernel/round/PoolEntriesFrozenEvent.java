package org.yaohao.kernel.round;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.policy.PoolKind;

import java.util.List;

/**
 * One chunk of a frozen pool: {@link #MAX_ENTRIES} entries (a few more so as not to split one application's
 * entries over two chunks; the last chunk fewer), in pool order, chunk {@code chunk} (from 0) of
 * the pool. A pool of millions of entries is frozen as many such events followed by one {@link PoolFrozenEvent}
 * (count, total weight and digest), all in the same unit of work: the log holds a whole pool or none of it. The
 * chunks concatenated in order are the pool.
 */
@Revision("1")
public record PoolEntriesFrozenEvent(RoundId roundId, PoolKind pool, int chunk, List<PoolFrozenEvent.Entry> entries) {

    /** The entries a chunk holds (bar the rule above): about 3 MB of JSON, 1.3 MB of pool text. */
    public static final int MAX_ENTRIES = 50_000;

    public PoolEntriesFrozenEvent {
        entries = List.copyOf(entries);
    }
}
