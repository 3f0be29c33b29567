package org.yaohao.kernel.application;

import org.yaohao.kernel.common.UnifiedSocialCreditCode;

/** An enterprise applicant: its credit code, its declared tax of the previous year (yuan) and the quotas it asks for. */
public record Enterprise(UnifiedSocialCreditCode creditCode, String name, long taxPaidLastYearYuan, int requestedQuotas) {
}
