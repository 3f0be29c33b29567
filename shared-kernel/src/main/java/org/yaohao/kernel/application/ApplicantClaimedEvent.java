package org.yaohao.kernel.application;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;

/**
 * A person or enterprise became bound to an active application. {@code claimId} is a one-way digest of the ID
 * number or credit code, never the number itself.
 */
@Revision("1")
public record ApplicantClaimedEvent(String claimId, ApplicationCode code, String policyVersion) {
}
