package org.yaohao.kernel.quota;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MoneyFen;

import java.time.Instant;

/**
 * The holder asked for extension number {@code extension} (1 to 3); it takes effect when {@code fee} is paid, and
 * lapses unpaid at {@code lapsesAt}.
 */
@Revision("1")
public record QuotaExtensionRequestedEvent(QuotaId quotaId, ApplicationCode code, int extension, MoneyFen fee,
                                           Instant requestedAt, Instant lapsesAt) {
}
