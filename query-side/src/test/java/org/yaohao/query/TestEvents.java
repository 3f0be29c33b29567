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
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.DepositRefundOverdueEvent;
import org.yaohao.kernel.deposit.DepositRefundScheduledEvent;
import org.yaohao.kernel.deposit.DepositRequestedEvent;
import org.yaohao.kernel.deposit.PaymentPlan;
import org.yaohao.kernel.deposit.PaymentRoute;
import org.yaohao.kernel.deposit.RefundLine;
import org.yaohao.kernel.deposit.RefundReason;
import org.yaohao.kernel.round.RoundId;

import java.time.Instant;
import java.time.LocalDate;
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

    // ---- deposits ------------------------------------------------------------------------------------------------

    public static final RoundId ROUND = RoundId.of("2023-ORD-02");
    public static final MoneyFen DEPOSIT = MoneyFen.ofFen(200_000);
    /** 2,000 yuan in three interest-free instalments; the last one takes the remainder. */
    public static final List<MoneyFen> THIRDS =
            List.of(MoneyFen.ofFen(66_667), MoneyFen.ofFen(66_667), MoneyFen.ofFen(66_666));
    /** As the gateway reports it: the account already masked. */
    public static final PaymentRoute CARD = new PaymentRoute("BANK_CARD", "6222********1234");

    public static DepositId depositId(ApplicationCode code) {
        return DepositId.of(code, ROUND);
    }

    public static DepositRequestedEvent depositRequestedInThirds(ApplicationCode code) {
        return new DepositRequestedEvent(depositId(code), code, ROUND, QuotaType.ORDINARY, DEPOSIT,
                                         PaymentPlan.INSTALMENTS, THIRDS, POLICY);
    }

    public static DepositRefundScheduledEvent refundScheduled(ApplicationCode code, MoneyFen amount, LocalDate due) {
        return new DepositRefundScheduledEvent(depositId(code), code, amount,
                                               List.of(new RefundLine("PAY-1", amount, CARD)), RefundReason.NOT_WON,
                                               due, POLICY);
    }

    public static DepositRefundOverdueEvent refundOverdue(ApplicationCode code, MoneyFen outstanding, LocalDate due) {
        return new DepositRefundOverdueEvent(depositId(code), code, outstanding, due, POLICY);
    }
}
