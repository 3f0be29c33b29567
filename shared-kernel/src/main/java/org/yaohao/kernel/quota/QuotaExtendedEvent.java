package org.yaohao.kernel.quota;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MoneyFen;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The fee of extension number {@code extension} was paid (gateway reference {@code paymentReference}): the quota is
 * now valid until {@code validUntil} inclusive, 6 months more than before.
 */
@Revision("1")
public record QuotaExtendedEvent(QuotaId quotaId, ApplicationCode code, int extension, LocalDate previousValidUntil,
                                 LocalDate validUntil, MoneyFen fee, String paymentReference, Instant paidAt) {
}
