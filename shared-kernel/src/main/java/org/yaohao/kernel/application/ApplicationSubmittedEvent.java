package org.yaohao.kernel.application;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;

import java.time.Instant;
import java.util.List;

/** An application was accepted and got its code. {@code generations} is 0 unless it is a family. */
@Revision("1")
public record ApplicationSubmittedEvent(ApplicationCode code,
                                        ApplicantKind kind,
                                        QuotaType quotaType,
                                        Person applicant,
                                        List<FamilyMember> members,
                                        int generations,
                                        Enterprise enterprise,
                                        List<DocumentReference> documents,
                                        Instant submittedAt,
                                        String policyVersion) {

    public ApplicationSubmittedEvent {
        members = members == null ? List.of() : List.copyOf(members);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
