package org.yaohao.kernel.draw;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RankingAllocationTest {

    private static final Instant JAN = Instant.parse("2023-01-05T02:00:00Z");
    private static final Instant FEB = Instant.parse("2023-02-05T02:00:00Z");
    private static final Instant MAR = Instant.parse("2023-03-05T02:00:00Z");

    @Test
    void ranksFamiliesByPointsThenValidSinceThenCode() {
        List<RankedEntry> entries = List.of(
                new RankedEntry("F-LOW", 120, JAN),
                new RankedEntry("F-HIGH-LATE", 1260, MAR),
                new RankedEntry("F-MID-B", 455, FEB),
                new RankedEntry("F-HIGH-EARLY", 1260, JAN),
                new RankedEntry("F-MID-A", 455, FEB),
                new RankedEntry("F-MID-EARLIER", 455, JAN));

        List<Winner> winners = RankingAllocation.rank(entries, 5);

        assertThat(winners).containsExactly(
                new Winner(1, "F-HIGH-EARLY"),
                new Winner(2, "F-HIGH-LATE"),
                new Winner(3, "F-MID-EARLIER"),
                new Winner(4, "F-MID-A"),
                new Winner(5, "F-MID-B"));
    }

    @Test
    void queuesIndividualsByValidSinceThenCode() {
        List<RankedEntry> entries = List.of(
                new RankedEntry("I3", 0, FEB),
                new RankedEntry("I2", 0, JAN),
                new RankedEntry("I1", 0, FEB));

        assertThat(RankingAllocation.rank(entries, 10)).extracting(Winner::code).containsExactly("I2", "I1", "I3");
    }

    @Test
    void breaksTiesByUtf8BytesOfTheCode() {
        List<RankedEntry> entries = List.of(
                new RankedEntry("\uD83D\uDE00", 0, JAN),
                new RankedEntry("\uFF21", 0, JAN));

        assertThat(RankingAllocation.rank(entries, 2)).extracting(Winner::code)
                .containsExactly("\uFF21", "\uD83D\uDE00");
    }

    @Test
    void winsNobodyWhenKIsZeroAndEverybodyWhenKExceedsTheEntries() {
        List<RankedEntry> entries = List.of(new RankedEntry("A", 10, JAN), new RankedEntry("B", 20, JAN));

        assertThat(RankingAllocation.rank(entries, 0)).isEmpty();
        assertThat(RankingAllocation.rank(entries, 5)).containsExactly(new Winner(1, "B"), new Winner(2, "A"));
        assertThat(RankingAllocation.rank(List.of(), 5)).isEmpty();
    }

    @Test
    void refusesDuplicateCodesAndInvalidInput() {
        assertThatThrownBy(() -> RankingAllocation.rank(
                List.of(new RankedEntry("A", 10, JAN), new RankedEntry("A", 20, FEB)), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> RankingAllocation.rank(List.of(), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RankedEntry("A", -1, JAN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RankedEntry("A", 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RankedEntry("", 0, JAN)).isInstanceOf(IllegalArgumentException.class);
    }
}
