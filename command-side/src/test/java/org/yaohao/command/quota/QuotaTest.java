package org.yaohao.command.quota;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.quota.BeijingPlate;
import org.yaohao.kernel.quota.ExtensionRequest;
import org.yaohao.kernel.quota.IssueQuotaCommand;
import org.yaohao.kernel.quota.PayQuotaExtensionFeeCommand;
import org.yaohao.kernel.quota.QuotaExpiredEvent;
import org.yaohao.kernel.quota.QuotaExtendedEvent;
import org.yaohao.kernel.quota.QuotaExtensionLapsedEvent;
import org.yaohao.kernel.quota.QuotaExtensionRequestedEvent;
import org.yaohao.kernel.quota.QuotaId;
import org.yaohao.kernel.quota.QuotaIssuedEvent;
import org.yaohao.kernel.quota.QuotaRevokedEvent;
import org.yaohao.kernel.quota.QuotaUsedEvent;
import org.yaohao.kernel.quota.RegisterVehicleCommand;
import org.yaohao.kernel.quota.RequestQuotaExtensionCommand;
import org.yaohao.kernel.quota.RevokeQuotaCommand;
import org.yaohao.kernel.quota.Vin;
import org.yaohao.kernel.round.RoundId;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;


/** Every path of the quota's lifecycle; every refusal changes nothing. */
class QuotaTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final ApplicationCode CODE = ApplicationCode.of("123456789012" + ApplicationCode.checkDigit("123456789012"));
    static final RoundId ROUND = RoundId.of("2027-ORD-02");
    static final QuotaId ID = QuotaId.of(ROUND, CODE.value());
    static final LocalDate ISSUED_ON = LocalDate.of(2027, 4, 9);
    static final LocalDate LAST_DAY = LocalDate.of(2028, 4, 8);
    static final String HOLDER = "110101198503120017";
    static final Vin VIN = Vin.of(withCheckDigit("LSVAU2180N2183294"));
    static final BeijingPlate ORDINARY_PLATE = BeijingPlate.of("京N12345");
    static final Instant MAY_2027 = LocalDate.of(2027, 5, 1).atTime(10, 0).atZone(BEIJING).toInstant();
    static final MoneyFen FEE = MoneyFen.ofYuan(300);

    private AggregateTestFixture<Quota> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Quota.class);
        fixture.registerInjectableResource(PolicyCatalog.load(null, "2023-guide"));
        fixture.registerInjectableResource(new FixtureClock());
        fixture.registerInjectableResource((QuotaHolders) (code, id) -> code.equals(CODE) && id.equals(HOLDER));
    }

    /** The fixture's own time, which the deadlines follow, in Beijing. */
    private final class FixtureClock extends Clock {
        @Override
        public ZoneId getZone() {
            return BEIJING;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return fixture.currentTime();
        }
    }

    static QuotaIssuedEvent issued() {
        return new QuotaIssuedEvent(ID, CODE, ROUND, QuotaType.ORDINARY, 1, ISSUED_ON, LAST_DAY, "2023-guide");
    }

    static IssueQuotaCommand issue() {
        return new IssueQuotaCommand(ID, CODE, ROUND, QuotaType.ORDINARY, 1, ISSUED_ON);
    }

    static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(BEIJING).toInstant();
    }

    static QuotaExtensionRequestedEvent requested(int n, Instant at) {
        return new QuotaExtensionRequestedEvent(ID, CODE, n, FEE, at, at.plusSeconds(86_400));
    }

    static QuotaExtendedEvent extended(int n, Instant at) {
        return new QuotaExtendedEvent(ID, CODE, n, LAST_DAY.plusMonths(6L * (n - 1)), LAST_DAY.plusMonths(6L * n), FEE,
                "PAY-" + n, at);
    }

    @Test
    void isValidTwelveMonthsFromIssueAndItsExpiryIsScheduled() {
        fixture.givenNoPriorActivity()
               .when(issue())
               .expectEvents(issued())
               .expectScheduledDeadlineWithName(endOf(LAST_DAY), Quota.EXPIRY);
    }

    @Test
    void issuingAgainChangesNothing() {
        fixture.given(issued()).when(issue()).expectNoEvents();
    }

    @Test
    void anExtensionRequestWaitsForItsFeeAndLapsesUnpaidAfterADay() {
        fixture.given(issued())
               .andGivenCurrentTime(MAY_2027)
               .when(new RequestQuotaExtensionCommand(ID))
               .expectEvents(requested(1, MAY_2027))
               .expectResultMessagePayload(new ExtensionRequest(ID, 1, FEE, MAY_2027.plusSeconds(86_400)))
               .expectScheduledDeadlineWithName(MAY_2027.plusSeconds(86_400), Quota.EXTENSION_LAPSE);
    }

    @Test
    void anUnpaidRequestLapsesAfterADay() {
        fixture.givenCurrentTime(MAY_2027)
               .andGivenCommands(issue(), new RequestQuotaExtensionCommand(ID))
               .whenThenTimeAdvancesTo(MAY_2027.plusSeconds(86_400))
               .expectEvents(new QuotaExtensionLapsedEvent(ID, CODE, 1, MAY_2027.plusSeconds(86_400)));
    }

    @Test
    void askingAgainWhileAFeeIsDueAnswersTheSameRequest() {
        fixture.given(issued(), requested(1, MAY_2027))
               .andGivenCurrentTime(MAY_2027.plusSeconds(60))
               .when(new RequestQuotaExtensionCommand(ID))
               .expectNoEvents()
               .expectResultMessagePayload(new ExtensionRequest(ID, 1, FEE, MAY_2027.plusSeconds(86_400)));
    }

    @Test
    void thePaidFeeExtendsTheValidityBySixMonthsAndMovesTheExpiry() {
        Instant paidAt = MAY_2027.plusSeconds(60);
        fixture.given(issued(), requested(1, MAY_2027))
               .andGivenCurrentTime(paidAt)
               .when(new PayQuotaExtensionFeeCommand(ID, 1, "PAY-1", FEE, paidAt))
               .expectEvents(extended(1, paidAt))
               .expectScheduledDeadlineWithName(endOf(LAST_DAY.plusMonths(6)), Quota.EXPIRY);
    }

    @Test
    void anExtensionAddsSixFullMonthsWhenTheValidityEndsOnAShortMonthsLastDay() {
        LocalDate issuedOn = LocalDate.of(2026, 12, 1);
        LocalDate lastDay = LocalDate.of(2027, 11, 30);
        Instant askedAt = LocalDate.of(2027, 11, 2).atTime(10, 0).atZone(BEIJING).toInstant();
        fixture.given(new QuotaIssuedEvent(ID, CODE, ROUND, QuotaType.ORDINARY, 1, issuedOn, lastDay, "2023-guide"),
                      requested(1, askedAt))
               .andGivenCurrentTime(askedAt.plusSeconds(60))
               .when(new PayQuotaExtensionFeeCommand(ID, 1, "PAY-1", FEE, askedAt.plusSeconds(60)))
               .expectEvents(new QuotaExtendedEvent(ID, CODE, 1, lastDay, LocalDate.of(2028, 5, 31), FEE, "PAY-1",
                                                    askedAt.plusSeconds(60)))
               .expectScheduledDeadlineWithName(endOf(LocalDate.of(2028, 5, 31)), Quota.EXPIRY);
    }

    @Test
    void theSameFeeReportedTwiceExtendsOnce() {
        fixture.given(issued(), requested(1, MAY_2027), extended(1, MAY_2027))
               .andGivenCurrentTime(MAY_2027.plusSeconds(120))
               .when(new PayQuotaExtensionFeeCommand(ID, 1, "PAY-1", FEE, MAY_2027))
               .expectNoEvents();
    }

    @Test
    void aFeeForARequestThatLapsedIsRefused() {
        fixture.given(issued(), requested(1, MAY_2027),
                      new QuotaExtensionLapsedEvent(ID, CODE, 1, MAY_2027.plusSeconds(86_400)))
               .andGivenCurrentTime(MAY_2027.plusSeconds(90_000))
               .when(new PayQuotaExtensionFeeCommand(ID, 1, "PAY-9", FEE, MAY_2027.plusSeconds(90_000)))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.EXTENSION_NOT_PENDING));
    }

    @Test
    void aFeeOfTheWrongAmountIsRefused() {
        fixture.given(issued(), requested(1, MAY_2027))
               .andGivenCurrentTime(MAY_2027.plusSeconds(60))
               .when(new PayQuotaExtensionFeeCommand(ID, 1, "PAY-1", MoneyFen.ofYuan(200), MAY_2027))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.EXTENSION_FEE_MISMATCH));
    }

    @Test
    void aFourthExtensionIsRefused() {
        List<Object> history = new ArrayList<>(List.of(issued()));
        for (int n = 1; n <= 3; n++) {
            history.add(requested(n, MAY_2027));
            history.add(extended(n, MAY_2027));
        }
        fixture.given(history)
               .andGivenCurrentTime(MAY_2027.plusSeconds(60))
               .when(new RequestQuotaExtensionCommand(ID))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.QUOTA_EXTENSIONS_EXHAUSTED));
    }

    @Test
    void anExtensionAfterTheLastValidDayIsRefusedEvenBeforeTheExpiryFired() {
        fixture.given(issued())
               .andGivenCurrentTime(endOf(LAST_DAY))
               .when(new RequestQuotaExtensionCommand(ID))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.QUOTA_EXPIRED));
    }

    @Test
    void expiresUnusedAtTheEndOfItsValidityOnce() {
        fixture.givenCurrentTime(ISSUED_ON.atStartOfDay(BEIJING).toInstant())
               .andGivenCommands(issue())
               .whenThenTimeAdvancesTo(endOf(LAST_DAY).plusSeconds(3600))
               .expectEvents(new QuotaExpiredEvent(ID, CODE, LAST_DAY, endOf(LAST_DAY)));
    }

    @Test
    void theOldExpiryOfAnExtendedQuotaDoesNothing() {
        Instant requestedAt = LAST_DAY.minusDays(10).atTime(10, 0).atZone(BEIJING).toInstant();
        fixture.givenCurrentTime(requestedAt)
               .andGivenCommands(issue(), new RequestQuotaExtensionCommand(ID),
                                 new PayQuotaExtensionFeeCommand(ID, 1, "PAY-1", FEE, requestedAt))
               .whenThenTimeAdvancesTo(endOf(LAST_DAY).plusSeconds(3600))
               .expectNoEvents();
    }

    @Test
    void anUnpaidRequestLapsesWhenTheQuotaExpires() {
        Instant lateRequest = LAST_DAY.atTime(20, 0).atZone(BEIJING).toInstant();
        fixture.givenCurrentTime(lateRequest)
               .andGivenCommands(issue(), new RequestQuotaExtensionCommand(ID))
               .whenThenTimeAdvancesTo(endOf(LAST_DAY).plusSeconds(60))
               .expectEvents(new QuotaExtensionLapsedEvent(ID, CODE, 1, endOf(LAST_DAY)),
                             new QuotaExpiredEvent(ID, CODE, LAST_DAY, endOf(LAST_DAY)));
    }

    @Test
    void aCarRegisteredToTheHolderWithinTheValidityUsesTheQuota() {
        fixture.given(issued())
               .andGivenCurrentTime(MAY_2027)
               .when(register(HOLDER, ORDINARY_PLATE, LocalDate.of(2027, 4, 30)))
               .expectEvents(new QuotaUsedEvent(ID, CODE, VIN, ORDINARY_PLATE, LocalDate.of(2027, 4, 30), MAY_2027));
    }

    @Test
    void aUsedQuotaNoLongerExpires() {
        fixture.givenCurrentTime(MAY_2027)
               .andGivenCommands(issue(), register(HOLDER, ORDINARY_PLATE, LocalDate.of(2027, 4, 30)))
               .whenThenTimeAdvancesTo(endOf(LAST_DAY).plusSeconds(60))
               .expectNoEvents();
    }

    @Test
    void registeringForSomeoneWhoIsNotTheHolderIsRefused() {
        fixture.given(issued())
               .andGivenCurrentTime(MAY_2027)
               .when(register("130102198806210028", ORDINARY_PLATE, LocalDate.of(2027, 4, 30)))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.REGISTRANT_NOT_HOLDER));
    }

    @Test
    void aNewEnergyPlateOnAnOrdinaryQuotaIsRefused() {
        fixture.given(issued())
               .andGivenCurrentTime(MAY_2027)
               .when(register(HOLDER, BeijingPlate.of("京AD12345"), LocalDate.of(2027, 4, 30)))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.PLATE_TYPE_MISMATCH));
    }

    @Test
    void aRegistrationDateOutsideTheValidityOrInTheFutureIsRefused() {
        for (LocalDate day : List.of(ISSUED_ON.minusDays(1), LocalDate.of(2027, 5, 2))) {
            fixture.given(issued())
                   .andGivenCurrentTime(MAY_2027)
                   .when(register(HOLDER, ORDINARY_PLATE, day))
                   .expectNoEvents()
                   .expectException(refusedWith(ErrorCode.REGISTRATION_OUTSIDE_VALIDITY));
        }
    }

    @Test
    void registeringOnAUsedRevokedOrExpiredQuotaIsRefused() {
        Object used = new QuotaUsedEvent(ID, CODE, VIN, ORDINARY_PLATE, LocalDate.of(2027, 4, 20), MAY_2027);
        Object revoked = new QuotaRevokedEvent(ID, CODE, "forged documents", MAY_2027);
        Object expired = new QuotaExpiredEvent(ID, CODE, LAST_DAY, endOf(LAST_DAY));
        List<Object[]> cases = List.of(new Object[]{used, ErrorCode.QUOTA_USED},
                new Object[]{revoked, ErrorCode.QUOTA_REVOKED}, new Object[]{expired, ErrorCode.QUOTA_EXPIRED});
        for (Object[] c : cases) {
            fixture.given(issued(), c[0])
                   .andGivenCurrentTime(MAY_2027.plusSeconds(60))
                   .when(register(HOLDER, ORDINARY_PLATE, LocalDate.of(2027, 4, 30)))
                   .expectNoEvents()
                   .expectException(refusedWith((ErrorCode) c[1]));
        }
    }

    @Test
    void theRegulatorRevokesWithTheReason() {
        fixture.given(issued())
               .andGivenCurrentTime(MAY_2027)
               .when(new RevokeQuotaCommand(ID, "forged documents"))
               .expectEvents(new QuotaRevokedEvent(ID, CODE, "forged documents", MAY_2027));
    }

    @Test
    void aRevokedQuotaNoLongerExpires() {
        fixture.givenCurrentTime(MAY_2027)
               .andGivenCommands(issue(), new RevokeQuotaCommand(ID, "forged documents"))
               .whenThenTimeAdvancesTo(endOf(LAST_DAY).plusSeconds(60))
               .expectNoEvents();
    }

    @Test
    void aRevokedQuotaIsNotExtendedNorRevokedAgain() {
        fixture.given(issued(), new QuotaRevokedEvent(ID, CODE, "forged documents", MAY_2027))
               .andGivenCurrentTime(MAY_2027.plusSeconds(60))
               .when(new RequestQuotaExtensionCommand(ID))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.QUOTA_REVOKED));
        fixture.given(issued(), new QuotaRevokedEvent(ID, CODE, "forged documents", MAY_2027))
               .andGivenCurrentTime(MAY_2027.plusSeconds(60))
               .when(new RevokeQuotaCommand(ID, "again"))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.QUOTA_REVOKED));
    }

    private static RegisterVehicleCommand register(String owner, BeijingPlate plate, LocalDate on) {
        return new RegisterVehicleCommand(ID, owner, VIN, plate, on);
    }

    static String withCheckDigit(String vin) {
        return vin.substring(0, 8) + Vin.checkDigit(vin) + vin.substring(9);
    }

    private static Matcher<DomainException> refusedWith(ErrorCode code) {
        return new CustomTypeSafeMatcher<>("a refusal with " + code) {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return e.details().code() == code;
            }
        };
    }
}
