package org.yaohao.kernel.quota;

import org.yaohao.kernel.application.QuotaType;

import java.time.LocalDate;

/**
 * The answer to a notice's verification code: the facts the genuine notice states, as they stand now (a notice
 * printed before an extension shows an earlier validity; the status says whether the quota is still valid).
 */
public record NoticeVerificationView(boolean genuine, String quotaId, String holderIdNumber, QuotaType quotaType,
                                     QuotaStatus status, LocalDate issuedOn, LocalDate validUntil, int extensions) {
}
