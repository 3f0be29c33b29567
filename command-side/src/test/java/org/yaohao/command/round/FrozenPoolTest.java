package org.yaohao.command.round;

import org.junit.jupiter.api.Test;
import org.yaohao.kernel.policy.AllocationMethod;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.round.PoolEntriesFrozenEvent;
import org.yaohao.kernel.round.PoolFrozenEvent;
import org.yaohao.kernel.round.RoundId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A pool is frozen in chunks, never splitting one application's entries. */
class FrozenPoolTest {

    private static final RoundId ROUND = RoundId.of("2023-ORD-01");
    private static final Instant AT = Instant.parse("2023-01-08T16:00:00Z");

    @Test
    void aLargePoolIsCutIntoChunksThatTogetherAreThePool() {
        List<PoolFrozenEvent.Entry> entries = entries(120_001);

        FrozenPool pool = freeze(PoolKind.PERSONAL, entries);

        assertThat(pool.chunks()).extracting(chunk -> chunk.entries().size()).containsExactly(50_000, 50_000, 20_001);
        assertThat(pool.chunks()).extracting(PoolEntriesFrozenEvent::chunk).containsExactly(0, 1, 2);
        assertThat(pool.head().chunkCount()).isEqualTo(3);
        assertThat(pool.entries()).isEqualTo(entries);
    }

    @Test
    void anEnterprisesEntriesStayInOneChunk() {
        List<PoolFrozenEvent.Entry> entries = new ArrayList<>(entries(49_998));
        for (int i = 1; i <= 5; i++) {
            entries.add(new PoolFrozenEvent.Entry("9999999999999-" + i, 1, AT));
        }

        FrozenPool pool = freeze(PoolKind.ENTERPRISE, entries);

        assertThat(pool.chunks()).extracting(chunk -> chunk.entries().size()).containsExactly(50_003);
        assertThat(pool.head().chunkCount()).isEqualTo(1);
    }

    @Test
    void anEmptyPoolHasNoChunks() {
        FrozenPool pool = freeze(PoolKind.PERSONAL, List.of());

        assertThat(pool.chunks()).isEmpty();
        assertThat(pool.head().chunkCount()).isZero();
    }

    private static FrozenPool freeze(PoolKind kind, List<PoolFrozenEvent.Entry> entries) {
        return FrozenPool.of(ROUND, kind, entries, chunks -> new PoolFrozenEvent(ROUND, kind, AllocationMethod.LOTTERY,
                10, entries.size(), chunks, "digest", entries.size(), AT, "2023-guide"));
    }

    private static List<PoolFrozenEvent.Entry> entries(int count) {
        List<PoolFrozenEvent.Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new PoolFrozenEvent.Entry(String.format("%013d", 1_000_000_000_000L + i), 1, AT));
        }
        return entries;
    }
}
