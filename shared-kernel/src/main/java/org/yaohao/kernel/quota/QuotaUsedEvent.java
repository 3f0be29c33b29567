package org.yaohao.kernel.quota;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;

import java.time.Instant;
import java.time.LocalDate;

/** A car was registered against the quota on {@code registeredOn}: the quota is used up. */
@Revision("1")
public record QuotaUsedEvent(QuotaId quotaId, ApplicationCode code, Vin vin, BeijingPlate plateNumber,
                             LocalDate registeredOn, Instant recordedAt) {
}
