package org.yaohao.kernel.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.yaohao.kernel.common.ApplicationCode;

import java.util.List;

/**
 * Submit an application. {@code applicant} is the individual or a family's main applicant (null for an
 * enterprise); {@code members} and {@code generations} only for a family; {@code enterprise} only for an
 * enterprise. {@code generations} may be null, then it is derived from the members' relations.
 */
public record SubmitApplicationCommand(@TargetAggregateIdentifier ApplicationCode code,
                                       ApplicantKind kind,
                                       QuotaType quotaType,
                                       Person applicant,
                                       List<FamilyMember> members,
                                       Integer generations,
                                       Enterprise enterprise,
                                       List<DocumentReference> documents) {

    public SubmitApplicationCommand {
        members = members == null ? List.of() : List.copyOf(members);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** The same submission under another code. */
    public SubmitApplicationCommand withCode(ApplicationCode newCode) {
        return new SubmitApplicationCommand(newCode, kind, quotaType, applicant, members, generations, enterprise,
                documents);
    }
}
