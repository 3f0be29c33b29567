package org.yaohao.kernel.draw;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TicketSourceTest {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final long TWO_63_PLUS_1 = Long.MIN_VALUE + 1; // unsigned 9223372036854775809
    private static final long TWO_64_MINUS_1 = -1L;               // unsigned 18446744073709551615

    @Test
    void twoTo64ModMatchesExactArithmetic() {
        List<Long> totals = new ArrayList<>(List.of(1L, 2L, 3L, 5L, 7L, 10L, 97L, 6148914691236517207L,
                Long.MAX_VALUE - 1, Long.MAX_VALUE, Long.MIN_VALUE, TWO_63_PLUS_1, -2L, TWO_64_MINUS_1));
        for (int k = 0; k < 64; k++) {
            totals.add(1L << k);
            totals.add((1L << k) + 1);
            totals.add((1L << k) - 1);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 1000; n++) {
            totals.add(random.nextLong());
        }
        for (long total : totals) {
            if (total == 0) {
                continue;
            }
            BigInteger t = new BigInteger(Long.toUnsignedString(total));
            assertThat(TicketSource.twoTo64Mod(total)).as("2^64 mod %s", Long.toUnsignedString(total))
                    .isEqualTo(TWO_64.mod(t).longValue());
        }
    }

    @Test
    void twoTo64ModAtTheEdges() {
        assertThat(TicketSource.twoTo64Mod(1)).isZero();
        assertThat(TicketSource.twoTo64Mod(1L << 40)).isZero();
        assertThat(TicketSource.twoTo64Mod(Long.MIN_VALUE)).as("T = 2^63").isZero();
        assertThat(TicketSource.twoTo64Mod(3)).isEqualTo(1);
        assertThat(TicketSource.twoTo64Mod(Long.MAX_VALUE)).as("T = 2^63 - 1").isEqualTo(2);
        assertThat(TicketSource.twoTo64Mod(TWO_63_PLUS_1)).as("T = 2^63 + 1").isEqualTo(Long.MAX_VALUE);
        assertThat(TicketSource.twoTo64Mod(TWO_64_MINUS_1)).as("T = 2^64 - 1").isEqualTo(1);
    }

    @Test
    void rejectsUntilTheNumberIsBelowTheLimitAsTheReferenceDoes() {
        // T = 2^63 + 1: limit = 2^63 + 1, so about half of all x are rejected; from draw_v1_reference.py
        TicketSource source = new TicketSource(DrawFixtures.seedOf("ticket-0"), "2023-ORD-04/PERSONAL");

        TicketSource.Ticket ticket = source.next(7, TWO_63_PLUS_1);

        assertThat(ticket.attempt()).isEqualTo(2);
        assertThat(Long.toUnsignedString(ticket.number())).isEqualTo("6361893176207679975");
    }

    @Test
    void acceptsAtOnceWhenTheLimitIsNotReached() {
        TicketSource source = new TicketSource(DrawFixtures.sequentialSeed(), "2023-ORD-04/PERSONAL");

        // from draw_v1_reference.py
        assertThat(source.next(0, TWO_64_MINUS_1)).isEqualTo(new TicketSource.Ticket(7322895811887438565L, 0));
        assertThat(source.next(0, Long.MAX_VALUE)).isEqualTo(new TicketSource.Ticket(7322895811887438565L, 0));
        assertThat(source.next(0, 1)).isEqualTo(new TicketSource.Ticket(0, 0));
        assertThat(source.next(0, 1L << 40)).isEqualTo(new TicketSource.Ticket(1036341156581L, 0));
    }

    @Test
    void agreesWithExactArithmeticForManyTotals() {
        byte[] seed = DrawFixtures.seedOf("agree");
        TicketSource source = new TicketSource(seed, "2023-ORD-01/PERSONAL");
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 300; i++) {
            long total = switch (i % 3) {
                case 0 -> 1 + random.nextLong(1000);
                case 1 -> Long.MIN_VALUE + 1 + random.nextLong(1000);  // just above 2^63: frequent rejection
                default -> random.nextLong(1, Long.MAX_VALUE);
            };
            BigInteger expected = NaiveDraw.ticket(seed, "2023-ORD-01/PERSONAL", i,
                    new BigInteger(Long.toUnsignedString(total)));

            assertThat(Long.toUnsignedString(source.next(i, total).number())).isEqualTo(expected.toString());
        }
    }
}
