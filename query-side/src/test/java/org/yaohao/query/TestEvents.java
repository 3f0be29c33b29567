package org.yaohao.query;

import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.DocumentReference;
import org.yaohao.kernel.application.Enterprise;
import org.yaohao.kernel.application.FamilyMember;
import org.yaohao.kernel.application.Person;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.Relation;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;

import java.time.Instant;
import java.util.List;

/** Events as the command side publishes them, with valid ID numbers and codes. */
public final class TestEvents {

    public static final String POLICY = "2023-guide";
    public static final Instant SUBMITTED_AT = Instant.parse("2023-03-01T02:00:00Z");

    private TestEvents() {
    }

    /** A valid ID number: the given 17 digits and their GB 11643 check character. */
    public static ResidentIdNumber idNumber(String first17) {
        return ResidentIdNumber.of(first17 + ResidentIdNumber.checkCharacter(first17));
    }

    /** A valid application code: the given 12 digits and their check digit. */
    public static ApplicationCode code(String first12) {
        return ApplicationCode.of(first12 + ApplicationCode.checkDigit(first12));
    }

    public static final ResidentIdNumber MAIN = idNumber("11010119800101123");
    public static final ResidentIdNumber SPOUSE = idNumber("11010519820202234");
    public static final ResidentIdNumber CHILD = idNumber("11010820100303345");

    public static ApplicationSubmittedEvent familySubmitted(ApplicationCode code) {
        return new ApplicationSubmittedEvent(
                code, ApplicantKind.FAMILY, QuotaType.NEW_ENERGY,
                new Person(MAIN, "张三", "13800138000"),
                List.of(new FamilyMember(new Person(SPOUSE, "李四", "13900139000"), Relation.SPOUSE),
                        new FamilyMember(new Person(CHILD, "张小三", null), Relation.CHILD)),
                2, null,
                List.of(new DocumentReference("ID_CARD", "digest-1")),
                SUBMITTED_AT, POLICY);
    }

    public static ApplicationSubmittedEvent individualSubmitted(ApplicationCode code) {
        return new ApplicationSubmittedEvent(
                code, ApplicantKind.INDIVIDUAL, QuotaType.ORDINARY,
                new Person(MAIN, "张三", "13800138000"), List.of(), 0, null, List.of(), SUBMITTED_AT, POLICY);
    }

    public static ApplicationSubmittedEvent enterpriseSubmitted(ApplicationCode code) {
        String first17 = "91110000600037341";
        UnifiedSocialCreditCode credit =
                UnifiedSocialCreditCode.of(first17 + UnifiedSocialCreditCode.checkCharacter(first17));
        return new ApplicationSubmittedEvent(
                code, ApplicantKind.ENTERPRISE, QuotaType.ORDINARY, null, List.of(), 0,
                new Enterprise(credit, "北京某某有限公司", 800_000, 3), List.of(), SUBMITTED_AT, POLICY);
    }
}
