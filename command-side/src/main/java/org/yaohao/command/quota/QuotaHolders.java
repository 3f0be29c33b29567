package org.yaohao.command.quota;

import org.yaohao.kernel.common.ApplicationCode;

/** Who holds a quota: the persons (or the enterprise) named in the application that won it. */
public interface QuotaHolders {

    /** Whether the application names this ID number (applicant or family member) or credit code (enterprise). */
    boolean names(ApplicationCode code, String idNumberOrCreditCode);
}
