package org.yaohao.command.deposit;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaohao.command.application.ApplicationLookup;
import org.yaohao.command.application.ApplicationLookupFactory;
import org.yaohao.command.calendar.WorkingDayCalendar;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.ApplicationWithdrawnEvent;
import org.yaohao.kernel.application.Person;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.deposit.CarryOverDepositCommand;
import org.yaohao.kernel.deposit.ChooseDepositCarryOverCommand;
import org.yaohao.kernel.deposit.DepositCarryOverChosenEvent;
import org.yaohao.kernel.deposit.ConfirmDepositRefundCommand;
import org.yaohao.kernel.deposit.ConvertDepositCommand;
import org.yaohao.kernel.deposit.DepositCancelledEvent;
import org.yaohao.kernel.deposit.DepositCarriedOverEvent;
import org.yaohao.kernel.deposit.DepositConvertedEvent;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.DepositInstalmentPaidEvent;
import org.yaohao.kernel.deposit.DepositPaidInFullEvent;
import org.yaohao.kernel.deposit.DepositRefundLinePaidEvent;
import org.yaohao.kernel.deposit.DepositRefundOverdueEvent;
import org.yaohao.kernel.deposit.DepositRefundScheduledEvent;
import org.yaohao.kernel.deposit.DepositRefundedEvent;
import org.yaohao.kernel.deposit.DepositRequestedEvent;
import org.yaohao.kernel.deposit.PaymentPlan;
import org.yaohao.kernel.deposit.PaymentRoute;
import org.yaohao.kernel.deposit.RecordDepositPaymentCommand;
import org.yaohao.kernel.deposit.RefundLine;
import org.yaohao.kernel.deposit.RefundReason;
import org.yaohao.kernel.deposit.RequestDepositCommand;
import org.yaohao.kernel.deposit.ScheduleDepositRefundCommand;
import org.yaohao.kernel.policy.Policy;
import org.yaohao.kernel.round.RoundId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.instanceOf;

class DepositTest {

    static final Policy POLICY = new Policy("2023-guide", 60, 5, 500_000, 5, Duration.ofHours(24),
            Duration.ofHours(1), 2_000, 1_000, 3, 7, java.util.List.of(), null, null, 12, java.util.Map.of());
    static final ApplicationCode CODE = ApplicationCode.of("123456789012" + ApplicationCode.checkDigit("123456789012"));
    static final RoundId ROUND = RoundId.of("2023-ORD-05");
    static final DepositId ID = DepositId.of(CODE, ROUND);
    static final Instant NOW = Instant.parse("2023-09-29T02:00:00Z");
    static final PaymentRoute CARD = new PaymentRoute("BANK_CARD", "6222****3445");
    static final PaymentRoute ALIPAY = new PaymentRoute("ALIPAY", "138****8000");
    static final MoneyFen FIRST = MoneyFen.ofFen(66_667);
    static final MoneyFen LAST = MoneyFen.ofFen(66_666);

    private AggregateTestFixture<Deposit> fixture;
    private EmbeddedEventStore applicationEvents;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deposit.class);
        applicationEvents = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        ApplicationLookup lookup = ApplicationLookupFactory.over(applicationEvents);
        applicationEvent(0, new ApplicationSubmittedEvent(CODE, ApplicantKind.INDIVIDUAL, QuotaType.ORDINARY,
                new Person(ResidentIdNumber.of("110101198503120017"), "Zhang San", "13800138000"), List.of(), 0,
                null, List.of(), NOW, "2023-guide"));
        fixture.registerAnnotatedCommandHandler(new DepositCommandHandler(fixture.getRepository(), lookup,
                new PolicyCatalog(Map.of("2023-guide", POLICY), "2023-guide"), WorkingDayCalendar.shipped(),
                Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"))));
    }

    private void applicationEvent(long sequence, Object payload) {
        applicationEvents.publish(new GenericDomainEventMessage<>("Application", CODE.value(), sequence, payload));
    }

    private static DepositRequestedEvent requested(PaymentPlan plan) {
        return new DepositRequestedEvent(ID, CODE, ROUND, QuotaType.ORDINARY, MoneyFen.ofYuan(2_000), plan,
                plan == PaymentPlan.FULL ? List.of(MoneyFen.ofYuan(2_000)) : List.of(FIRST, FIRST, LAST), "2023-guide");
    }

    private static DepositInstalmentPaidEvent paid(String reference, MoneyFen amount, long total, PaymentRoute route) {
        return new DepositInstalmentPaidEvent(ID, CODE, reference, amount, MoneyFen.ofFen(total), route, NOW,
                "2023-guide");
    }

    private static RecordDepositPaymentCommand pay(String reference, MoneyFen amount, PaymentRoute route) {
        return new RecordDepositPaymentCommand(ID, reference, amount, route, NOW);
    }

    private static org.hamcrest.Matcher<?> refused(ErrorCode code) {
        return allOf(instanceOf(DomainException.class), new org.hamcrest.CustomTypeSafeMatcher<DomainException>(
                "refused with " + code) {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return e.details().code() == code;
            }
        });
    }

    @Test
    void opensADepositSplitIntoThreeInstalments() {
        fixture.givenNoPriorActivity()
               .when(new RequestDepositCommand(ID, PaymentPlan.INSTALMENTS))
               .expectEvents(requested(PaymentPlan.INSTALMENTS));
    }

    @Test
    void opensANewEnergyDepositOfOneThousandYuan() {
        applicationEvent(1, new org.yaohao.kernel.application.QuotaTypeChangedEvent(CODE, QuotaType.ORDINARY,
                QuotaType.NEW_ENERGY, "2023-guide"));
        DepositId nev = DepositId.of(CODE, RoundId.of("2023-NEV-01"));
        fixture.givenNoPriorActivity()
               .when(new RequestDepositCommand(nev, PaymentPlan.INSTALMENTS))
               .expectEvents(new DepositRequestedEvent(nev, CODE, RoundId.of("2023-NEV-01"), QuotaType.NEW_ENERGY,
                       MoneyFen.ofYuan(1_000), PaymentPlan.INSTALMENTS,
                       List.of(MoneyFen.ofFen(33_334), MoneyFen.ofFen(33_333), MoneyFen.ofFen(33_333)), "2023-guide"));
    }

    @Test
    void refusesADepositForARoundOfTheOtherQuotaType() {
        fixture.givenNoPriorActivity()
               .when(new RequestDepositCommand(DepositId.of(CODE, RoundId.of("2023-NEV-01")), PaymentPlan.FULL))
               .expectNoEvents()
               .expectException(refused(ErrorCode.ROUND_TYPE_MISMATCH));
    }

    @Test
    void refusesADepositForAWithdrawnApplication() {
        applicationEvent(1, new ApplicationWithdrawnEvent(CODE, null, NOW, "2023-guide"));
        fixture.givenNoPriorActivity()
               .when(new RequestDepositCommand(ID, PaymentPlan.FULL))
               .expectNoEvents()
               .expectException(refused(ErrorCode.APPLICATION_WITHDRAWN));
    }

    @Test
    void refusesASecondDepositForTheSameRound() {
        fixture.given(requested(PaymentPlan.FULL))
               .when(new RequestDepositCommand(ID, PaymentPlan.FULL))
               .expectNoEvents()
               .expectException(refused(ErrorCode.DEPOSIT_EXISTS));
    }

    @Test
    void takesAnInstalment() {
        fixture.given(requested(PaymentPlan.INSTALMENTS))
               .when(pay("P1", FIRST, CARD))
               .expectEvents(paid("P1", FIRST, 66_667, CARD));
    }

    @Test
    void lastInstalmentPaysTheDepositInFull() {
        fixture.given(requested(PaymentPlan.INSTALMENTS), paid("P1", FIRST, 66_667, CARD),
                      paid("P2", FIRST, 133_334, CARD))
               .when(pay("P3", LAST, ALIPAY))
               .expectEvents(paid("P3", LAST, 200_000, ALIPAY),
                       new DepositPaidInFullEvent(ID, CODE, ROUND, MoneyFen.ofYuan(2_000), NOW, "2023-guide"));
    }

    @Test
    void appliesTheSameGatewayPaymentOnlyOnce() {
        fixture.given(requested(PaymentPlan.INSTALMENTS), paid("P1", FIRST, 66_667, CARD))
               .when(pay("P1", FIRST, CARD))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void refusesPayingMoreThanIsDue() {
        fixture.given(requested(PaymentPlan.INSTALMENTS), paid("P1", FIRST, 66_667, CARD))
               .when(pay("P2", MoneyFen.ofYuan(2_000), CARD))
               .expectNoEvents()
               .expectException(refused(ErrorCode.PAYMENT_EXCEEDS_AMOUNT_DUE));
    }

    @Test
    void refusesAZeroPayment() {
        fixture.given(requested(PaymentPlan.FULL))
               .when(pay("P1", MoneyFen.ZERO, CARD))
               .expectNoEvents()
               .expectException(refused(ErrorCode.AMOUNT_NOT_POSITIVE));
    }

    @Test
    void refusesAnInstalmentAfterFullPayment() {
        fixture.given(requested(PaymentPlan.FULL), paid("P1", MoneyFen.ofYuan(2_000), 200_000, CARD),
                      new DepositPaidInFullEvent(ID, CODE, ROUND, MoneyFen.ofYuan(2_000), NOW, "2023-guide"))
               .when(pay("P2", MoneyFen.ofFen(1), CARD))
               .expectNoEvents()
               .expectException(refused(ErrorCode.DEPOSIT_ALREADY_PAID));
    }

    @Test
    void refusesAPaymentOnAWithdrawnApplication() {
        applicationEvent(1, new ApplicationWithdrawnEvent(CODE, null, NOW, "2023-guide"));
        fixture.given(requested(PaymentPlan.FULL))
               .when(pay("P1", MoneyFen.ofYuan(2_000), CARD))
               .expectNoEvents()
               .expectException(refused(ErrorCode.APPLICATION_WITHDRAWN));
    }

    @Test
    void refusesAPaymentOnARefundedDeposit() {
        fixture.given(requested(PaymentPlan.FULL), paid("P1", MoneyFen.ofYuan(2_000), 200_000, CARD),
                      refundScheduled(LocalDate.parse("2023-10-13")),
                      new DepositRefundLinePaidEvent(ID, CODE, "P1", "OUT1", MoneyFen.ofYuan(2_000), CARD, NOW,
                              "2023-guide"),
                      new DepositRefundedEvent(ID, CODE, MoneyFen.ofYuan(2_000), NOW, "2023-guide"))
               .when(pay("P2", MoneyFen.ofFen(1), CARD))
               .expectNoEvents()
               .expectException(refused(ErrorCode.DEPOSIT_CLOSED));
    }

    private static DepositRefundScheduledEvent refundScheduled(LocalDate due) {
        return refundScheduled(due, RefundReason.NOT_WON);
    }

    private static DepositRefundScheduledEvent refundScheduled(LocalDate due, RefundReason reason) {
        return new DepositRefundScheduledEvent(ID, CODE, MoneyFen.ofYuan(2_000),
                List.of(new RefundLine("P1", MoneyFen.ofYuan(2_000), CARD)), reason, due, "2023-guide");
    }

    @Test
    void refundIsDueSevenWorkingDaysAfterPublicationAcrossTheNationalDayHoliday() {
        fixture.given(requested(PaymentPlan.FULL), paid("P1", MoneyFen.ofYuan(2_000), 200_000, CARD),
                      new DepositPaidInFullEvent(ID, CODE, ROUND, MoneyFen.ofYuan(2_000), NOW, "2023-guide"))
               .when(new ScheduleDepositRefundCommand(ID, RefundReason.NOT_WON, LocalDate.parse("2023-09-29")))
               .expectEvents(refundScheduled(LocalDate.parse("2023-10-13")))
               .expectScheduledDeadlineWithName(Instant.parse("2023-10-13T16:00:00Z"), Deposit.REFUND_OVERDUE);
    }

    @Test
    void withdrawingBeforeAnyPaymentClosesTheDeposit() {
        fixture.given(requested(PaymentPlan.INSTALMENTS))
               .when(new ScheduleDepositRefundCommand(ID, RefundReason.WITHDRAWN, LocalDate.parse("2023-09-29")))
               .expectEvents(new DepositCancelledEvent(ID, CODE, "2023-guide"));
    }

    @Test
    void flagsARefundNotConfirmedByItsDueDate() {
        fixture.given(requested(PaymentPlan.FULL), paid("P1", MoneyFen.ofYuan(2_000), 200_000, CARD),
                      new DepositPaidInFullEvent(ID, CODE, ROUND, MoneyFen.ofYuan(2_000), NOW, "2023-guide"))
               .andGivenCommands(new ScheduleDepositRefundCommand(ID, RefundReason.NOT_WON, LocalDate.parse("2023-09-29")))
               .whenThenTimeElapses(Duration.ofDays(15))
               .expectEvents(new DepositRefundOverdueEvent(ID, CODE, MoneyFen.ofYuan(2_000),
                       LocalDate.parse("2023-10-13"), "2023-guide"));
    }

    @Test
    void confirmedRefundClosesTheDepositAndClearsTheOverdueDeadline() {
        fixture.given(requested(PaymentPlan.FULL), paid("P1", MoneyFen.ofYuan(2_000), 200_000, CARD),
                      refundScheduled(LocalDate.parse("2023-10-13")))
               .when(new ConfirmDepositRefundCommand(ID, "P1", "OUT1", NOW))
               .expectEvents(new DepositRefundLinePaidEvent(ID, CODE, "P1", "OUT1", MoneyFen.ofYuan(2_000), CARD, NOW,
                               "2023-guide"),
                       new DepositRefundedEvent(ID, CODE, MoneyFen.ofYuan(2_000), NOW, "2023-guide"));
    }

    @Test
    void convertsAWinnersDeposit() {
        fixture.given(requested(PaymentPlan.FULL), paid("P1", MoneyFen.ofYuan(2_000), 200_000, CARD),
                      new DepositPaidInFullEvent(ID, CODE, ROUND, MoneyFen.ofYuan(2_000), NOW, "2023-guide"))
               .when(new ConvertDepositCommand(ID))
               .expectEvents(new DepositConvertedEvent(ID, CODE, MoneyFen.ofYuan(2_000), "2023-guide"));
    }

    @Test
    void refusesConvertingAnUnpaidDeposit() {
        fixture.given(requested(PaymentPlan.INSTALMENTS), paid("P1", FIRST, 66_667, CARD))
               .when(new ConvertDepositCommand(ID))
               .expectNoEvents()
               .expectException(refused(ErrorCode.DEPOSIT_NOT_REFUNDABLE));
    }

    @Test
    void recordsTheChoiceToCarryOverShouldTheApplicationNotWin() {
        fixture.given(requested(PaymentPlan.FULL), paid("P1", MoneyFen.ofYuan(2_000), 200_000, CARD),
                      new DepositPaidInFullEvent(ID, CODE, ROUND, MoneyFen.ofYuan(2_000), NOW, "2023-guide"))
               .when(new ChooseDepositCarryOverCommand(ID, RoundId.of("2024-ORD-01")))
               .expectEvents(new DepositCarryOverChosenEvent(ID, CODE, RoundId.of("2024-ORD-01"), "2023-guide"));
    }

    @Test
    void refusesChoosingCarryOverBeforeTheDepositIsPaid() {
        fixture.given(requested(PaymentPlan.INSTALMENTS), paid("P1", FIRST, 66_667, CARD))
               .when(new ChooseDepositCarryOverCommand(ID, RoundId.of("2024-ORD-01")))
               .expectNoEvents()
               .expectException(refused(ErrorCode.DEPOSIT_NOT_REFUNDABLE));
    }

    @Test
    void withdrawalRefundsEvenWhenACarryOverWasChosen() {
        fixture.given(requested(PaymentPlan.FULL), paid("P1", MoneyFen.ofYuan(2_000), 200_000, CARD),
                      new DepositPaidInFullEvent(ID, CODE, ROUND, MoneyFen.ofYuan(2_000), NOW, "2023-guide"),
                      new DepositCarryOverChosenEvent(ID, CODE, RoundId.of("2024-ORD-01"), "2023-guide"))
               .when(new ScheduleDepositRefundCommand(ID, RefundReason.WITHDRAWN, LocalDate.parse("2023-09-29")))
               .expectEvents(refundScheduled(LocalDate.parse("2023-10-13"), RefundReason.WITHDRAWN));
    }

    @Test
    void refusesCarryingOverToARoundOfTheOtherType() {
        fixture.given(requested(PaymentPlan.FULL), paid("P1", MoneyFen.ofYuan(2_000), 200_000, CARD),
                      new DepositPaidInFullEvent(ID, CODE, ROUND, MoneyFen.ofYuan(2_000), NOW, "2023-guide"))
               .when(new CarryOverDepositCommand(ID, RoundId.of("2024-NEV-01")))
               .expectNoEvents()
               .expectException(refused(ErrorCode.ROUND_TYPE_MISMATCH));
    }
}
