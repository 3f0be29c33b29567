package org.yaohao.command.prequalification;

import org.yaohao.kernel.application.RejectionReason;
import org.yaohao.kernel.policy.Policy;

import java.time.YearMonth;
import java.util.Optional;

/**
 * Rule book, Applicants: "Beijing social insurance for the last 60 consecutive months (counted back from the month
 * before applying; a gap breaks the run, a back-paid month counts)". The number of months is
 * {@link Policy#socialInsuranceMonths()}.
 * <p>
 * The month of applying itself is not required. Back-paid months arrive from the registry inside the paid periods,
 * so they count like any other.
 */
final class SocialInsuranceRule {

    private SocialInsuranceRule() {
    }

    /**
     * Whole years of insurance paid before {@code referenceMonth}, counting every paid month (not only the last
     * unbroken run) over at most the 50 years before it: what the family points count.
     */
    static int years(SocialInsuranceRecord record, YearMonth referenceMonth) {
        int months = 0;
        YearMonth month = referenceMonth.minusMonths(1);
        for (int i = 0; i < 600; i++, month = month.minusMonths(1)) {
            if (record.paidIn(month)) {
                months++;
            }
        }
        return months / 12;
    }

    static Optional<Failure> judge(SocialInsuranceRecord record, YearMonth referenceMonth, Policy policy) {
        int required = policy.socialInsuranceMonths();
        YearMonth month = referenceMonth.minusMonths(1);
        int consecutive = 0;
        while (consecutive < required && record.paidIn(month)) {
            consecutive++;
            month = month.minusMonths(1);
        }
        if (consecutive >= required) {
            return Optional.empty();
        }
        return Optional.of(new Failure(RejectionReason.SOCIAL_INSURANCE_GAP,
                "found " + consecutive + " consecutive months paid back from " + referenceMonth.minusMonths(1)
                        + " (" + month + " unpaid); " + required + " required"));
    }
}
