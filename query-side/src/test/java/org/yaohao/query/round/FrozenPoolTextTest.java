package org.yaohao.query.round;

import org.junit.jupiter.api.Test;
import org.yaohao.kernel.draw.Pool;
import org.yaohao.kernel.draw.PoolEntry;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.round.PoolEntriesFrozenEvent;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.query.round.RoundEvents.frozen;

/** The canonical text of draw-algorithm.md, a chunk per chunk event. */
class FrozenPoolTextTest {

    @Test
    void theChunksTogetherAreThePoolsTextAndHashToItsDigest() {
        Pool pool = RoundEvents.largePool(120_001);
        List<String> chunks = frozen(PoolKind.PERSONAL, 1, pool).chunks().stream()
                                                                 .map(PoolEntriesFrozenEvent::entries)
                                                                 .map(FrozenPoolText::text).toList();

        FrozenPoolText.Summary summary = FrozenPoolText.summarize(chunks);

        assertThat(chunks).hasSize(3).allSatisfy(chunk -> assertThat(chunk).endsWith("\n"));
        assertThat(String.join("", chunks).getBytes(StandardCharsets.UTF_8)).isEqualTo(pool.toText());
        assertThat(summary).isEqualTo(new FrozenPoolText.Summary(120_001, 3, pool.toText().length, pool.digest()));
    }

    @Test
    void linesAreUtf8CodeCommaWeightNewline() {
        Pool pool = Pool.of(new PoolEntry("1234567890123-2", 1), new PoolEntry("é", 10));
        String text = FrozenPoolText.text(frozen(PoolKind.ENTERPRISE, 1, pool).chunks().get(0).entries());

        FrozenPoolText.Summary summary = FrozenPoolText.summarize(List.of(text));

        assertThat(text).isEqualTo("1234567890123-2,1\né,10\n");
        assertThat(summary.byteLength()).isEqualTo(18 + 6); // "é" is two bytes in UTF-8
        assertThat(summary.sha256()).isEqualTo(pool.digest());
    }

    @Test
    void anEmptyPoolHasNoChunksAndTheDigestOfNothing() {
        FrozenPoolText.Summary summary = FrozenPoolText.summarize(List.of());

        assertThat(frozen(PoolKind.PERSONAL, 1, Pool.of(List.of())).chunks()).isEmpty();
        assertThat(summary).isEqualTo(new FrozenPoolText.Summary(0, 0, 0, Pool.of(List.of()).digest()));
        assertThat(summary.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
