package org.yaohao.kernel.application;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;

import java.time.Instant;
import java.util.List;

/** Pre-qualification failed; every failed check is named. */
@Revision("1")
public record ApplicationRejectedEvent(ApplicationCode code,
                                       List<FailedCheck> failedChecks,
                                       Instant rejectedAt,
                                       String policyVersion) {
}
