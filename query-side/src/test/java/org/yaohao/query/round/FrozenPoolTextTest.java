package org.yaohao.query.round;

import org.junit.jupiter.api.Test;
import org.yaohao.kernel.draw.Pool;
import org.yaohao.kernel.draw.PoolEntry;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.round.PoolFrozenEvent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yaohao.query.round.RoundEvents.frozen;

/** The canonical text of draw-algorithm.md, cut into chunks of whole lines. */
class FrozenPoolTextTest {

    @Test
    void theChunksTogetherAreThePoolsTextAndHashToItsDigest() throws Exception {
        Pool pool = RoundEvents.largePool(7);
        List<FrozenPoolText.Chunk> chunks = new ArrayList<>();

        FrozenPoolText.Summary summary = FrozenPoolText.write(frozen(PoolKind.PERSONAL, 1, pool).entries(), 3,
                                                              chunks::add);

        assertThat(chunks).extracting(FrozenPoolText.Chunk::index).containsExactly(0, 1, 2);
        assertThat(chunks).extracting(FrozenPoolText.Chunk::lineCount).containsExactly(3, 3, 1);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (FrozenPoolText.Chunk chunk : chunks) {
            assertThat(chunk.text()).endsWith("\n");
            text.write(chunk.text().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(text.toByteArray()).isEqualTo(pool.toText());
        assertThat(summary).isEqualTo(new FrozenPoolText.Summary(7, 3, pool.toText().length, pool.digest()));
    }

    @Test
    void linesAreUtf8CodeCommaWeightNewline() {
        Pool pool = Pool.of(new PoolEntry("1234567890123-2", 1), new PoolEntry("é", 10));
        List<FrozenPoolText.Chunk> chunks = new ArrayList<>();

        FrozenPoolText.Summary summary = FrozenPoolText.write(frozen(PoolKind.ENTERPRISE, 1, pool).entries(),
                                                              FrozenPoolText.LINES_PER_CHUNK, chunks::add);

        assertThat(chunks).singleElement().extracting(FrozenPoolText.Chunk::text)
                          .isEqualTo("1234567890123-2,1\né,10\n");
        assertThat(summary.byteLength()).isEqualTo(18 + 6); // "é" is two bytes in UTF-8
        assertThat(summary.sha256()).isEqualTo(pool.digest());
    }

    @Test
    void anEmptyPoolHasNoChunksAndTheDigestOfNothing() {
        List<FrozenPoolText.Chunk> chunks = new ArrayList<>();

        FrozenPoolText.Summary summary = FrozenPoolText.write(List.<PoolFrozenEvent.Entry>of(), 10, chunks::add);

        assertThat(chunks).isEmpty();
        assertThat(summary).isEqualTo(new FrozenPoolText.Summary(0, 0, 0, Pool.of(List.of()).digest()));
        assertThat(summary.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void aChunkHoldsAtLeastOneLine() {
        assertThatThrownBy(() -> FrozenPoolText.write(List.of(), 0, chunk -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
