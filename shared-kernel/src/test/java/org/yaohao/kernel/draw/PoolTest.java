package org.yaohao.kernel.draw;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoolTest {

    @Test
    void digestIsSha256OfTheLinesInPoolOrder() {
        // python3 -c "import hashlib; print(hashlib.sha256(b'A,1\nB,2\n').hexdigest())"
        Pool pool = Pool.of(new PoolEntry("B", 2), new PoolEntry("A", 1));

        assertThat(pool.digest()).isEqualTo("98c66892be496ba2cb099a7922459b4a6eab65b57132abc4cb2c8b009f16e73c");
        assertThat(pool.size()).isEqualTo(2);
        assertThat(pool.totalWeight()).isEqualTo(3);
        assertThat(new String(pool.toText(), StandardCharsets.UTF_8)).isEqualTo("A,1\nB,2\n");
    }

    @Test
    void emptyPoolHasTheDigestOfNoText() {
        Pool pool = Pool.of(List.of());

        assertThat(pool.digest()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(pool.isEmpty()).isTrue();
        assertThat(pool.totalWeight()).isZero();
        assertThat(Pool.parse(new byte[0])).isEqualTo(pool);
    }

    @Test
    void sortsCodesByTheirUtf8BytesNotByUtf16() {
        // U+FF21 sorts after U+1F600 as UTF-16 (0xFF21 > 0xD83D) but before it as UTF-8 (EF BC A1 < F0 9F 98 80)
        Pool pool = Pool.of(new PoolEntry("Z", 1), new PoolEntry("\u00e9", 2), new PoolEntry("\u4e2d", 3),
                new PoolEntry("\uFF21", 4), new PoolEntry("\uD83D\uDE00", 5), new PoolEntry("a", 6));

        assertThat(pool.entries()).extracting(PoolEntry::code)
                .containsExactly("Z", "a", "\u00e9", "\u4e2d", "\uFF21", "\uD83D\uDE00");
        // from draw_v1_reference.py
        assertThat(pool.digest()).isEqualTo("2e6e929db82762a3a6a3d2127022a47c8b948749c69f92a732e40e82da6331e6");
        assertThat("\uFF21".compareTo("\uD83D\uDE00")).as("String order differs").isPositive();
    }

    @Test
    void prefixSortsBeforeLongerCode() {
        Pool pool = Pool.of(new PoolEntry("A1-2", 1), new PoolEntry("A1", 1), new PoolEntry("A1-1", 1));

        assertThat(pool.entries()).extracting(PoolEntry::code).containsExactly("A1", "A1-1", "A1-2");
    }

    @Test
    void refusesDuplicateCodes() {
        assertThatThrownBy(() -> Pool.of(new PoolEntry("A", 1), new PoolEntry("B", 1), new PoolEntry("A", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("code A twice");
    }

    @Test
    void refusesInvalidEntries() {
        assertThatThrownBy(() -> new PoolEntry("A", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PoolEntry("A", -3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PoolEntry("", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PoolEntry(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PoolEntry("A,B", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PoolEntry("A\nB", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PoolEntry("A\uD800", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesTotalWeightAboveSignedLong() {
        assertThatThrownBy(() -> Pool.of(new PoolEntry("A", Long.MAX_VALUE), new PoolEntry("B", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("total weight");
        assertThat(Pool.of(new PoolEntry("A", Long.MAX_VALUE - 1), new PoolEntry("B", 1)).totalWeight())
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void writtenTextReadsBackToTheSamePoolAndHashesToItsDigest() throws Exception {
        Pool pool = Pool.of(new PoolEntry("\u4e2d-1", 10), new PoolEntry("B", 1234567890123L), new PoolEntry("A", 7));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        pool.writeTo(out);
        Pool reread = Pool.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(SeedCommitment.toHex(Sha256.hash(out.toByteArray()))).isEqualTo(pool.digest());
        assertThat(reread.entries()).isEqualTo(pool.entries());
        assertThat(reread.digest()).isEqualTo(pool.digest());
        assertThat(reread.totalWeight()).isEqualTo(pool.totalWeight());
    }

    @Test
    void readingRefusesTextThatIsNotCanonical() {
        assertRefused("B,1\nA,1\n", "line 2");          // out of order
        assertRefused("A,1\nA,2\n", "line 2");          // duplicate
        assertRefused("A,01\n", "leading zero");
        assertRefused("A,0\n", "leading zero");
        assertRefused("A,1", "does not end");
        assertRefused("A,1\r\n", "not a decimal");
        assertRefused("A,+1\n", "not a decimal");
        assertRefused("A1\n", "no ','");
        assertRefused("A,\n", "no weight");
        assertRefused(",1\n", "non-empty code");
        assertRefused("A,99999999999999999999\n", "above");
        assertThatThrownBy(() -> Pool.parse(new byte[] {'A', (byte) 0xC3, ',', '1', '\n'}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UTF-8");
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> Pool.parse(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
