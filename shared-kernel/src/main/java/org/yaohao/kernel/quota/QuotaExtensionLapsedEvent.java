package org.yaohao.kernel.quota;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;

import java.time.Instant;

/** The fee of extension number {@code extension} was not paid in time: the request lapsed, the validity is unchanged. */
@Revision("1")
public record QuotaExtensionLapsedEvent(QuotaId quotaId, ApplicationCode code, int extension, Instant lapsedAt) {
}
