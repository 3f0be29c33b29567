package org.yaohao.kernel.common;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdentifierFactoryTest {

    @Test
    void axonFindsItAndItsIdentifiersAreVersion7UuidsWhoseTextSortsInTheOrderTheyWereMade() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);

        List<String> made = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) { // several per millisecond, past the 4,096 of one millisecond's counter
            made.add(IdentifierFactory.getInstance().generateIdentifier());
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
        UUID first = UUID.fromString(made.get(0));
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16)
                .isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis() + 60_000);
        assertThat(new HashSet<>(made)).hasSize(made.size());
    }
}
