package org.yaohao.kernel.quota;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;

import java.time.Instant;
import java.time.LocalDate;

/** The quota's validity ended on {@code validUntil} without a car registered against it. */
@Revision("1")
public record QuotaExpiredEvent(QuotaId quotaId, ApplicationCode code, LocalDate validUntil, Instant expiredAt) {
}
