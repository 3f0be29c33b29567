package org.yaohao.command.application;

import org.yaohao.command.web.Violations;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.DocumentReference;
import org.yaohao.kernel.application.Enterprise;
import org.yaohao.kernel.application.FamilyMember;
import org.yaohao.kernel.application.Person;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.Relation;
import org.yaohao.kernel.application.SubmitApplicationCommand;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/applications}. Every field is read as given and checked here, so that each broken
 * rule is reported with its JSON path.
 */
record SubmitApplicationRequest(String kind, String quotaType, PersonRequest applicant, List<MemberRequest> members,
                                Integer generations, EnterpriseRequest enterprise, List<DocumentRequest> documents) {

    static final String MOBILE_PHONE = "1[3-9]\\d{9}";

    record PersonRequest(String idNumber, String name, String phone) {
    }

    record MemberRequest(String idNumber, String name, String phone, String relation) {
    }

    record EnterpriseRequest(String creditCode, String name, Long taxPaidLastYearYuan, Integer requestedQuotas) {
    }

    record DocumentRequest(String type, String reference) {
    }

    SubmitApplicationCommand toCommand(ApplicationCode code) {
        Violations v = new Violations();
        ApplicantKind parsedKind = v.parseEnum("kind", kind, ApplicantKind.class, ErrorCode.INVALID_VALUE);
        QuotaType parsedQuotaType = v.parseEnum("quotaType", quotaType, QuotaType.class, ErrorCode.INVALID_VALUE);
        Person parsedApplicant = null;
        if (applicant != null) {
            parsedApplicant = person(v, "applicant", applicant.idNumber(), applicant.name(), applicant.phone(), true);
        } else if (parsedKind == ApplicantKind.INDIVIDUAL || parsedKind == ApplicantKind.FAMILY) {
            v.required("applicant", null);
        }
        List<FamilyMember> parsedMembers = new ArrayList<>();
        List<MemberRequest> memberList = members == null ? List.of() : members;
        for (int i = 0; i < memberList.size(); i++) {
            MemberRequest member = memberList.get(i);
            String field = "members[" + i + "]";
            if (v.required(field, member) == null) {
                continue;
            }
            Person person = person(v, field, member.idNumber(), member.name(), member.phone(), false);
            Relation relation = v.parseEnum(field + ".relation", member.relation(), Relation.class,
                    ErrorCode.FAMILY_RELATION_NOT_ALLOWED);
            if (person != null && relation != null) {
                parsedMembers.add(new FamilyMember(person, relation));
            }
        }
        if (generations != null && (generations < 1 || generations > 3)) {
            v.add("generations", ErrorCode.INVALID_VALUE, "'generations' is 1, 2 or 3");
        }
        Enterprise parsedEnterprise = null;
        if (enterprise != null) {
            parsedEnterprise = enterprise(v);
        } else if (parsedKind == ApplicantKind.ENTERPRISE) {
            v.required("enterprise", null);
        }
        List<DocumentReference> parsedDocuments = new ArrayList<>();
        List<DocumentRequest> documentList = documents == null ? List.of() : documents;
        for (int i = 0; i < documentList.size(); i++) {
            DocumentRequest document = documentList.get(i);
            String field = "documents[" + i + "]";
            if (v.required(field, document) != null) {
                String type = v.required(field + ".type", document.type());
                String reference = v.required(field + ".reference", document.reference());
                parsedDocuments.add(new DocumentReference(type, reference));
            }
        }
        v.throwIfAny();
        return new SubmitApplicationCommand(code, parsedKind, parsedQuotaType, parsedApplicant, parsedMembers,
                generations, parsedEnterprise, parsedDocuments);
    }

    private static Person person(Violations v, String field, String idNumber, String name, String phone,
                                 boolean phoneRequired) {
        ResidentIdNumber id = v.parse(field + ".idNumber", idNumber, ResidentIdNumber::new);
        String checkedName = v.required(field + ".name", name);
        if (checkedName != null && checkedName.length() > 50) {
            v.add(field + ".name", ErrorCode.INVALID_VALUE, "'" + field + ".name' has at most 50 characters");
        }
        if (phoneRequired) {
            v.required(field + ".phone", phone);
        }
        v.optionalMatching(field + ".phone", phone, MOBILE_PHONE, "is an 11-digit mainland mobile number");
        return id == null || checkedName == null ? null : new Person(id, checkedName.trim(), phone);
    }

    private Enterprise enterprise(Violations v) {
        UnifiedSocialCreditCode creditCode = v.parse("enterprise.creditCode", enterprise.creditCode(),
                UnifiedSocialCreditCode::new);
        String name = v.required("enterprise.name", enterprise.name());
        Long tax = v.required("enterprise.taxPaidLastYearYuan", enterprise.taxPaidLastYearYuan());
        if (tax != null && tax < 0) {
            v.add("enterprise.taxPaidLastYearYuan", ErrorCode.MONEY_NEGATIVE, "an amount cannot be negative");
        }
        Integer quotas = v.required("enterprise.requestedQuotas", enterprise.requestedQuotas());
        if (creditCode == null || name == null || tax == null || tax < 0 || quotas == null) {
            return null;
        }
        return new Enterprise(creditCode, name.trim(), tax, quotas);
    }
}
