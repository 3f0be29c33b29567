package org.yaohao.command.application;

import org.junit.jupiter.api.Test;
import org.yaohao.command.application.SubmitApplicationRequest.DocumentRequest;
import org.yaohao.command.application.SubmitApplicationRequest.EnterpriseRequest;
import org.yaohao.command.application.SubmitApplicationRequest.MemberRequest;
import org.yaohao.command.application.SubmitApplicationRequest.PersonRequest;
import org.yaohao.command.web.InvalidRequestException;
import org.yaohao.command.web.Violation;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.FamilyMember;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.Relation;
import org.yaohao.kernel.application.SubmitApplicationCommand;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.ResidentIdNumber;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Every broken field rule of a submission is reported with its JSON path and its rule, never with its value. */
class RequestValidationTest {

    private static final ApplicationCode CODE = ApplicationCode.random();
    private static final String MAIN = ApplicationTest.MAIN_ID.value();
    private static final String SPOUSE = ApplicationTest.SPOUSE_ID.value();
    private static final String CHILD = ApplicationTest.CHILD_ID.value();
    /** The child's number with a wrong check character. */
    private static final String CHILD_WRONG_CHECK = CHILD.substring(0, 17) + (CHILD.charAt(17) == '1' ? '2' : '1');

    private static PersonRequest applicant(String idNumber, String phone) {
        return new PersonRequest(idNumber, "Zhang San", phone);
    }

    private static MemberRequest member(String idNumber, String relation) {
        return new MemberRequest(idNumber, "Li Si", null, relation);
    }

    private static SubmitApplicationRequest family(List<MemberRequest> members) {
        return new SubmitApplicationRequest("FAMILY", "NEW_ENERGY", applicant(MAIN, "13800000000"), members, null,
                null, List.of(new DocumentRequest("MARRIAGE_CERTIFICATE", "sha256:ab12")));
    }

    private static SubmitApplicationRequest enterprise(String creditCode) {
        return new SubmitApplicationRequest("ENTERPRISE", "ORDINARY", null, null, null,
                new EnterpriseRequest(creditCode, "Test Trading Co.", 800_000L, 2), null);
    }

    @Test
    void turnsAValidFamilyRequestIntoACommand() {
        SubmitApplicationCommand command = family(List.of(member(SPOUSE, "spouse"), member(CHILD, "CHILD")))
                .toCommand(CODE);

        assertThat(command.code()).isEqualTo(CODE);
        assertThat(command.kind()).isEqualTo(ApplicantKind.FAMILY);
        assertThat(command.quotaType()).isEqualTo(QuotaType.NEW_ENERGY);
        assertThat(command.applicant().idNumber()).isEqualTo(ResidentIdNumber.of(MAIN));
        assertThat(command.members()).extracting(m -> m.person().idNumber().value(), FamilyMember::relation)
                .containsExactly(tuple(SPOUSE, Relation.SPOUSE), tuple(CHILD, Relation.CHILD));
        assertThat(command.generations()).isNull();
        assertThat(command.documents()).hasSize(1);
    }

    @Test
    void turnsAValidEnterpriseRequestIntoACommand() {
        SubmitApplicationCommand command = enterprise("91110105MA01ABCD13").toCommand(CODE);

        assertThat(command.enterprise().creditCode().value()).isEqualTo("91110105MA01ABCD13");
        assertThat(command.enterprise().requestedQuotas()).isEqualTo(2);
        assertThat(command.applicant()).isNull();
    }

    @Test
    void namesAMembersWrongIdCheckDigitByItsPath() {
        List<Violation> violations = violations(family(List.of(member(SPOUSE, "SPOUSE"),
                member(CHILD_WRONG_CHECK, "CHILD"))));

        assertThat(violations).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("members[1].idNumber", ErrorCode.ID_NUMBER_CHECK_DIGIT));
    }

    @Test
    void neverEchoesARawIdNumberInAViolation() {
        String malformed = MAIN.substring(0, 17) + "Q";
        InvalidRequestException e = refused(new SubmitApplicationRequest("FAMILY", "NEW_ENERGY",
                applicant(malformed, "13800000000"),
                List.of(member(CHILD_WRONG_CHECK, "CHILD"), member(SPOUSE, "COUSIN")), 9, null, null));

        assertThat(e.violations()).extracting(Violation::field, Violation::code).contains(
                tuple("applicant.idNumber", ErrorCode.ID_NUMBER_FORMAT),
                tuple("members[0].idNumber", ErrorCode.ID_NUMBER_CHECK_DIGIT),
                tuple("members[1].relation", ErrorCode.FAMILY_RELATION_NOT_ALLOWED),
                tuple("generations", ErrorCode.INVALID_VALUE));
        for (String raw : List.of(malformed, CHILD_WRONG_CHECK, SPOUSE, MAIN)) {
            assertThat(e.violations()).extracting(Violation::detail)
                    .noneMatch(detail -> detail.contains(raw) || detail.contains(raw.substring(0, 14)));
            assertThat(e.getMessage()).doesNotContain(raw);
        }
    }

    @Test
    void namesABadCreditCode() {
        assertThat(violations(enterprise("91110105MA01ABCD12"))).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("enterprise.creditCode", ErrorCode.CREDIT_CODE_CHECK_CHARACTER));
        assertThat(violations(enterprise("91110105MA01ABCO13"))).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("enterprise.creditCode", ErrorCode.CREDIT_CODE_FORMAT));
    }

    @Test
    void refusesARelationOutsideTheFamilyRules() {
        List<Violation> violations = violations(family(List.of(member(SPOUSE, "COUSIN"))));

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("members[0].relation");
            assertThat(v.code()).isEqualTo(ErrorCode.FAMILY_RELATION_NOT_ALLOWED);
            assertThat(v.detail()).contains("SPOUSE", "CHILD", "PARENT", "PARENT_IN_LAW");
        });
    }

    @Test
    void refusesAMissingKind() {
        SubmitApplicationRequest request = new SubmitApplicationRequest(null, "ORDINARY",
                applicant(MAIN, "13800000000"), null, null, null, null);

        assertThat(violations(request)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("kind", ErrorCode.MISSING_FIELD));
    }

    @Test
    void refusesAnUnknownKindAndQuotaType() {
        SubmitApplicationRequest request = new SubmitApplicationRequest("COMPANY", "DIESEL",
                applicant(MAIN, "13800000000"), null, null, null, null);

        assertThat(violations(request)).extracting(Violation::field, Violation::code).containsExactly(
                tuple("kind", ErrorCode.INVALID_VALUE), tuple("quotaType", ErrorCode.INVALID_VALUE));
    }

    @Test
    void refusesABadPhoneNumber() {
        for (String phone : List.of("12800000000", "1380000000", "+8613800000000", "1380000000a")) {
            SubmitApplicationRequest request = new SubmitApplicationRequest("INDIVIDUAL", "ORDINARY",
                    applicant(MAIN, phone), null, null, null, null);

            assertThat(violations(request)).as(phone).extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("applicant.phone", ErrorCode.INVALID_VALUE));
            assertThat(violations(request)).extracting(Violation::detail).noneMatch(d -> d.contains(phone));
        }
    }

    @Test
    void requiresTheApplicantsPhoneButNotAMembers() {
        SubmitApplicationRequest request = new SubmitApplicationRequest("FAMILY", "NEW_ENERGY",
                applicant(MAIN, null), List.of(member(SPOUSE, "SPOUSE")), null, null, null);

        assertThat(violations(request)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("applicant.phone", ErrorCode.MISSING_FIELD));
    }

    @Test
    void requiresTheApplicantOfAnIndividualAndTheEnterpriseOfAnEnterprise() {
        assertThat(violations(new SubmitApplicationRequest("INDIVIDUAL", "ORDINARY", null, null, null, null, null)))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("applicant", ErrorCode.MISSING_FIELD));
        assertThat(violations(new SubmitApplicationRequest("ENTERPRISE", "ORDINARY", null, null, null, null, null)))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("enterprise", ErrorCode.MISSING_FIELD));
    }

    @Test
    void namesEveryMissingFieldOfAMemberAndADocument() {
        List<MemberRequest> members = new ArrayList<>();
        members.add(null);
        members.add(new MemberRequest(null, " ", null, null));
        SubmitApplicationRequest request = new SubmitApplicationRequest("FAMILY", "NEW_ENERGY",
                applicant(MAIN, "13800000000"), members, null, null, List.of(new DocumentRequest("ID_CARD", null)));

        assertThat(violations(request)).extracting(Violation::field, Violation::code).containsExactly(
                tuple("members[0]", ErrorCode.MISSING_FIELD),
                tuple("members[1].idNumber", ErrorCode.MISSING_FIELD),
                tuple("members[1].name", ErrorCode.MISSING_FIELD),
                tuple("members[1].relation", ErrorCode.MISSING_FIELD),
                tuple("documents[0].reference", ErrorCode.MISSING_FIELD));
    }

    @Test
    void refusesANegativeTax() {
        SubmitApplicationRequest request = new SubmitApplicationRequest("ENTERPRISE", "ORDINARY", null, null, null,
                new EnterpriseRequest("91110105MA01ABCD13", "Test Trading Co.", -1L, 1), null);

        assertThat(violations(request)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("enterprise.taxPaidLastYearYuan", ErrorCode.MONEY_NEGATIVE));
    }

    private static List<Violation> violations(SubmitApplicationRequest request) {
        return refused(request).violations();
    }

    private static InvalidRequestException refused(SubmitApplicationRequest request) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> request.toCommand(CODE));
        assertThat(e).as("the request is refused").isNotNull();
        return e;
    }
}
