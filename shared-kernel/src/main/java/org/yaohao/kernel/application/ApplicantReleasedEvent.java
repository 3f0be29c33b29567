package org.yaohao.kernel.application;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;

/** The application ended (withdrawn or rejected); the person or enterprise may apply again. */
@Revision("1")
public record ApplicantReleasedEvent(String claimId, ApplicationCode code, String policyVersion) {
}
