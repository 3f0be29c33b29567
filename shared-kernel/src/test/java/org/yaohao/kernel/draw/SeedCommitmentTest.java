package org.yaohao.kernel.draw;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedCommitmentTest {

    private static final String SEQUENTIAL_COMMITMENT =
            "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd"; // hashlib.sha256(bytes(range(32)))

    @Test
    void commitmentIsLowercaseHexSha256OfTheSeed() {
        assertThat(SeedCommitment.commit(DrawFixtures.sequentialSeed())).isEqualTo(SEQUENTIAL_COMMITMENT);
    }

    @Test
    void matchesOnlyTheCommittedSeed() {
        byte[] seed = DrawFixtures.sequentialSeed();
        byte[] other = seed.clone();
        other[31] ^= 1;

        assertThat(SeedCommitment.matches(seed, SEQUENTIAL_COMMITMENT)).isTrue();
        assertThat(SeedCommitment.matches(seed, SEQUENTIAL_COMMITMENT.toUpperCase())).isTrue();
        assertThat(SeedCommitment.matches(other, SEQUENTIAL_COMMITMENT)).isFalse();
        assertThat(SeedCommitment.matches(new byte[31], SEQUENTIAL_COMMITMENT)).isFalse();
        assertThat(SeedCommitment.matches(null, SEQUENTIAL_COMMITMENT)).isFalse();
        assertThat(SeedCommitment.matches(seed, "not hex")).isFalse();
        assertThat(SeedCommitment.matches(seed, null)).isFalse();
    }

    @Test
    void refusesSeedsThatAreNot32Bytes() {
        assertThatThrownBy(() -> SeedCommitment.commit(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SeedCommitment.commit(new byte[33])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedCommitment.commit(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesAndWritesHex() {
        String hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

        assertThat(SeedCommitment.parseSeed(hex)).isEqualTo(DrawFixtures.sequentialSeed());
        assertThat(SeedCommitment.parseSeed(hex.toUpperCase())).isEqualTo(DrawFixtures.sequentialSeed());
        assertThat(SeedCommitment.toHex(DrawFixtures.sequentialSeed())).isEqualTo(hex);
        assertThat(SeedCommitment.fromHex("00ff7F")).containsExactly(0, 255, 127);
        assertThatThrownBy(() -> SeedCommitment.parseSeed(hex.substring(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedCommitment.parseSeed(hex.replace('a', 'g'))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedCommitment.fromHex("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedCommitment.fromHex("\u0661\u0662")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newSeedIs32Bytes() {
        byte[] seed = SeedCommitment.newSeed(new SecureRandom());

        assertThat(seed).hasSize(32);
        assertThat(SeedCommitment.matches(seed, SeedCommitment.commit(seed))).isTrue();
    }
}
