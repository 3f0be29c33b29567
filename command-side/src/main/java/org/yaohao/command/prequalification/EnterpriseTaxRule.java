package org.yaohao.command.prequalification;

import org.yaohao.kernel.application.RejectionReason;
import org.yaohao.kernel.policy.Policy;

import java.util.Optional;

/**
 * Rule book, Applicants: an enterprise "paid at least 500,000 yuan tax in the previous year". The amount is
 * {@link Policy#enterpriseMinimumTaxYuan()}; the previous year is the calendar year before the year of applying.
 * The tax registry decides, not the amount the enterprise declared.
 */
final class EnterpriseTaxRule {

    private EnterpriseTaxRule() {
    }

    static Optional<Failure> judge(EnterpriseTaxRecord record, int referenceYear, Policy policy) {
        int year = referenceYear - 1;
        long paid = record.taxPaidYuan(year);
        long minimum = policy.enterpriseMinimumTaxYuan();
        if (paid >= minimum) {
            return Optional.empty();
        }
        return Optional.of(new Failure(RejectionReason.ENTERPRISE_TAX_BELOW_MINIMUM,
                "paid " + paid + " yuan tax in " + year + "; at least " + minimum + " yuan required"));
    }
}
