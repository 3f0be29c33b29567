package org.yaohao.command.application;

import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.FamilyMember;
import org.yaohao.kernel.application.Relation;
import org.yaohao.kernel.application.SubmitApplicationCommand;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.policy.Policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a submission must satisfy before it is accepted (rule book, Applicants):
 * <ul>
 * <li>Family: "at least 2 people: a main applicant plus members: spouse, children, parents, parents-in-law";
 * one spouse at most; nobody twice. "The family counts its generations (1, 2 or 3)": derived from the relations
 * (children one generation below, parents and parents-in-law one above).</li>
 * <li>Enterprise: "paid at least 500,000 yuan tax in the previous year; may request 1 to 5 quotas" — both numbers
 * from the policy.</li>
 * </ul>
 */
final class ApplicationRules {

    private ApplicationRules() {
    }

    /** Checks the submission and returns the family's generations (0 for other kinds). */
    static int check(SubmitApplicationCommand command, Policy policy) {
        return switch (command.kind()) {
            case INDIVIDUAL -> {
                requireAbsent(command.members().isEmpty(), "members", ApplicantKind.INDIVIDUAL);
                requireAbsent(command.enterprise() == null, "enterprise", ApplicantKind.INDIVIDUAL);
                requireAbsent(command.generations() == null, "generations", ApplicantKind.INDIVIDUAL);
                yield 0;
            }
            case FAMILY -> {
                requireAbsent(command.enterprise() == null, "enterprise", ApplicantKind.FAMILY);
                yield checkFamily(command);
            }
            case ENTERPRISE -> {
                requireAbsent(command.applicant() == null, "applicant", ApplicantKind.ENTERPRISE);
                requireAbsent(command.members().isEmpty(), "members", ApplicantKind.ENTERPRISE);
                requireAbsent(command.generations() == null, "generations", ApplicantKind.ENTERPRISE);
                checkEnterprise(command, policy);
                yield 0;
            }
        };
    }

    /** The generations of a family: 1, plus one if any child, plus one if any parent or parent-in-law. */
    static int generations(List<FamilyMember> members) {
        boolean below = members.stream().anyMatch(m -> m.relation().generationOffset() < 0);
        boolean above = members.stream().anyMatch(m -> m.relation().generationOffset() > 0);
        return 1 + (below ? 1 : 0) + (above ? 1 : 0);
    }

    private static int checkFamily(SubmitApplicationCommand command) {
        List<FamilyMember> members = command.members();
        if (members.isEmpty()) {
            throw new DomainException(ErrorCode.FAMILY_TOO_SMALL, "members",
                    "a family application names the main applicant and at least one member");
        }
        Map<ResidentIdNumber, String> seen = new HashMap<>();
        seen.put(command.applicant().idNumber(), "applicant.idNumber");
        int spouses = 0;
        for (int i = 0; i < members.size(); i++) {
            FamilyMember member = members.get(i);
            String field = "members[" + i + "]";
            String earlier = seen.putIfAbsent(member.person().idNumber(), field + ".idNumber");
            if (earlier != null) {
                throw new DomainException(ErrorCode.FAMILY_MEMBER_DUPLICATE, field + ".idNumber",
                        "this person is already named at " + earlier);
            }
            if (member.relation() == Relation.SPOUSE && ++spouses > 1) {
                throw new DomainException(ErrorCode.FAMILY_TWO_SPOUSES, field + ".relation",
                        "a family has at most one spouse of the main applicant");
            }
        }
        int generations = generations(members);
        if (command.generations() != null && command.generations() != generations) {
            throw new DomainException(ErrorCode.FAMILY_GENERATIONS_MISMATCH, "generations",
                    "the members' relations make " + generations + " generation(s), not " + command.generations(),
                    Map.of("derivedGenerations", String.valueOf(generations)));
        }
        return generations;
    }

    private static void checkEnterprise(SubmitApplicationCommand command, Policy policy) {
        var enterprise = command.enterprise();
        if (enterprise.taxPaidLastYearYuan() < policy.enterpriseMinimumTaxYuan()) {
            throw new DomainException(ErrorCode.ENTERPRISE_TAX_BELOW_MINIMUM, "enterprise.taxPaidLastYearYuan",
                    "an enterprise must have paid at least " + policy.enterpriseMinimumTaxYuan()
                            + " yuan tax in the previous year (policy " + policy.version() + ")",
                    Map.of("minimumYuan", String.valueOf(policy.enterpriseMinimumTaxYuan())));
        }
        if (enterprise.requestedQuotas() < 1 || enterprise.requestedQuotas() > policy.enterpriseMaximumQuotas()) {
            throw new DomainException(ErrorCode.ENTERPRISE_QUOTAS_OUT_OF_RANGE, "enterprise.requestedQuotas",
                    "an enterprise requests 1 to " + policy.enterpriseMaximumQuotas() + " quotas (policy "
                            + policy.version() + ")",
                    Map.of("maximum", String.valueOf(policy.enterpriseMaximumQuotas())));
        }
    }

    private static void requireAbsent(boolean absent, String field, ApplicantKind kind) {
        if (!absent) {
            throw new DomainException(ErrorCode.FIELD_NOT_ALLOWED_FOR_KIND, field,
                    "'" + field + "' does not belong to an application of kind " + kind);
        }
    }
}
