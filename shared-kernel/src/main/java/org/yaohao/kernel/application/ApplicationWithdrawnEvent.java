package org.yaohao.kernel.application;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;

import java.time.Instant;

/** The applicant withdrew the application. */
@Revision("1")
public record ApplicationWithdrawnEvent(ApplicationCode code, String reason, Instant withdrawnAt, String policyVersion) {
}
