package org.yaohao.kernel.quota;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;

import java.time.Instant;

/** The regulator revoked the quota (e.g. fraud), for {@code reason}. */
@Revision("1")
public record QuotaRevokedEvent(QuotaId quotaId, ApplicationCode code, String reason, Instant revokedAt) {
}
