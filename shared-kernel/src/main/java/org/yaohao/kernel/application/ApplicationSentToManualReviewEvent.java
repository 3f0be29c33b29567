package org.yaohao.kernel.application;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;

import java.time.Instant;
import java.util.List;

/** The registries named did not answer within the policy's deadline; the application waits for a person. */
@Revision("1")
public record ApplicationSentToManualReviewEvent(ApplicationCode code,
                                                 List<Registry> unansweredRegistries,
                                                 Instant sentAt,
                                                 String policyVersion) {
}
