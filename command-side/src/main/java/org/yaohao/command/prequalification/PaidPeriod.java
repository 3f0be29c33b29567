package org.yaohao.command.prequalification;

import java.time.YearMonth;
import java.util.Objects;

/**
 * A run of months for which Beijing social insurance was paid, as the social-insurance registry reports it.
 * Months paid late (back-paid, 补缴) are simply inside a period: the rule book says "a back-paid month counts".
 *
 * @param from first month paid
 * @param to   last month paid, inclusive; {@code null} while the person is still paying
 */
public record PaidPeriod(YearMonth from, YearMonth to) {

    public PaidPeriod {
        Objects.requireNonNull(from, "a paid period has a first month");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("a paid period cannot end (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Whether {@code month} lies inside this period. */
    public boolean covers(YearMonth month) {
        return !month.isBefore(from) && (to == null || !month.isAfter(to));
    }
}
