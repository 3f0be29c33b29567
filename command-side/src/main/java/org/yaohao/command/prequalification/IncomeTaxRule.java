package org.yaohao.command.prequalification;

import org.yaohao.kernel.application.RejectionReason;
import org.yaohao.kernel.policy.Policy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Rule book, Applicants: "Beijing individual income tax above zero in each of the last 5 years (a missing year
 * cannot be back-paid)". The number of years is {@link Policy#incomeTaxYears()}.
 * <p>
 * Reading: "the last years" are the calendar years before the year of applying.
 */
final class IncomeTaxRule {

    private IncomeTaxRule() {
    }

    static Optional<Failure> judge(IncomeTaxRecord record, int referenceYear, Policy policy) {
        int first = referenceYear - policy.incomeTaxYears();
        int last = referenceYear - 1;
        List<Integer> missing = IntStream.rangeClosed(first, last)
                .filter(year -> record.taxPaidFen(year) <= 0)
                .boxed()
                .toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Failure(RejectionReason.INCOME_TAX_MISSING_YEAR,
                "no income tax above zero in " + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + "; required in each year " + first + "-" + last));
    }
}
