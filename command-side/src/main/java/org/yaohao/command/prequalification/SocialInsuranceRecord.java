package org.yaohao.command.prequalification;

import java.time.YearMonth;
import java.util.List;

/** What the social-insurance registry knows of one person: the months Beijing social insurance was paid. */
public record SocialInsuranceRecord(List<PaidPeriod> paidPeriods) {

    public SocialInsuranceRecord {
        paidPeriods = paidPeriods == null ? List.of() : List.copyOf(paidPeriods);
    }

    /** Whether social insurance was paid for {@code month} (back-paid months included). */
    public boolean paidIn(YearMonth month) {
        return paidPeriods.stream().anyMatch(period -> period.covers(month));
    }
}
