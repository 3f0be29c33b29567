package org.yaohao.kernel.quota;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.round.RoundId;

import java.time.LocalDate;

/** A quota was issued to the application's holder: valid 12 months (policy) from {@code issuedOn}, until {@code validUntil} inclusive. */
@Revision("1")
public record QuotaIssuedEvent(QuotaId quotaId, ApplicationCode code, RoundId roundId, QuotaType quotaType,
                               int sequence, LocalDate issuedOn, LocalDate validUntil, String policyVersion) {
}
