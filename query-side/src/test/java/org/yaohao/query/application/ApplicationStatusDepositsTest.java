package org.yaohao.query.application;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.ApplicationStatus;
import org.yaohao.kernel.application.ApplicationStatusView;
import org.yaohao.kernel.application.ApplicationStatusView.TimelineEntry;
import org.yaohao.kernel.application.ApplicationWithdrawnEvent;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.deposit.DepositCancelledEvent;
import org.yaohao.kernel.deposit.DepositCarriedOverEvent;
import org.yaohao.kernel.deposit.DepositConvertedEvent;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.DepositInstalmentPaidEvent;
import org.yaohao.kernel.deposit.DepositPaidInFullEvent;
import org.yaohao.kernel.deposit.DepositRefundLinePaidEvent;
import org.yaohao.kernel.deposit.DepositRefundedEvent;
import org.yaohao.kernel.deposit.DepositRequestedEvent;
import org.yaohao.kernel.deposit.DepositStatus;
import org.yaohao.kernel.deposit.DepositView;
import org.yaohao.kernel.deposit.DepositView.Instalment;
import org.yaohao.kernel.deposit.PaymentPlan;
import org.yaohao.kernel.round.RoundId;
import org.yaohao.query.InProcessMongo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.query.TestEvents.CARD;
import static org.yaohao.query.TestEvents.DEPOSIT;
import static org.yaohao.query.TestEvents.POLICY;
import static org.yaohao.query.TestEvents.ROUND;
import static org.yaohao.query.TestEvents.code;
import static org.yaohao.query.TestEvents.depositId;
import static org.yaohao.query.TestEvents.depositRequestedInThirds;
import static org.yaohao.query.TestEvents.individualSubmitted;
import static org.yaohao.query.TestEvents.refundOverdue;
import static org.yaohao.query.TestEvents.refundScheduled;

/**
 * The deposits inside an application's status, projected from the Deposit's events (another aggregate, with its
 * own sequence numbers), against the real driver and the in-process MongoDB server.
 */
class ApplicationStatusDepositsTest {

    private static final ApplicationCode CODE = code("246813579024");
    private static final DepositId DEPOSIT_ID = depositId(CODE);
    private static final Instant T0 = Instant.parse("2023-03-01T02:00:00Z");
    private static final Instant P1 = Instant.parse("2023-03-05T01:00:00Z");
    private static final Instant P2 = Instant.parse("2023-03-06T01:00:00Z");
    private static final Instant P3 = Instant.parse("2023-03-07T01:00:00Z");
    private static final Instant R = Instant.parse("2023-04-20T03:00:00Z");
    private static final LocalDate DUE = LocalDate.parse("2023-04-14");

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private MongoCollection<Document> collection;
    private ApplicationStatusRepository repository;
    private ApplicationStatusProjection projection;

    @BeforeEach
    void submittedAndPrequalified() {
        mongo.database().drop();
        collection = mongo.database().getCollection(ApplicationStatusRepository.COLLECTION);
        repository = new ApplicationStatusRepository(mongo.database());
        projection = new ApplicationStatusProjection(repository);
        projection.on(individualSubmitted(CODE), T0, 0L, "WEB", null, "applicant");
        projection.on(new ApplicationPrequalifiedEvent(CODE, List.of(), T0, POLICY), T0, 1L, "SYSTEM", null, null);
    }

    @Test
    void aRequestedDepositShowsItsAmountAndOpenInstalments() {
        projection.on(depositRequestedInThirds(CODE), T0, 0L, "WEB", null, "applicant");

        assertThat(deposit()).isEqualTo(new DepositView(
                DEPOSIT_ID.value(), ROUND.value(), DepositStatus.AWAITING_PAYMENT, PaymentPlan.INSTALMENTS,
                200_000, 0, List.of(new Instalment(1, 66_667, null), new Instalment(2, 66_667, null),
                                    new Instalment(3, 66_666, null)),
                null, null, false, null, null, null));
        assertThat(lastTimelineEntry()).isEqualTo(new TimelineEntry(
                T0, "DepositRequested", "Deposit for round 2023-ORD-02 requested: 2000.00 yuan (200000 fen), in 3 "
                + "instalments of 666.67 yuan (66667 fen), 666.67 yuan (66667 fen), 666.66 yuan (66666 fen)",
                "WEB", null, "applicant"));
        assertThat(view().status()).isEqualTo(ApplicationStatus.PREQUALIFIED);
    }

    @Test
    void instalmentsArePaidInOrderAsPaymentsAccumulateUntilPaidInFull() {
        projection.on(depositRequestedInThirds(CODE), T0, 0L, "WEB", null, "applicant");
        projection.on(payment("PAY-1", 66_667, 66_667, P1), P1, 1L, "SYSTEM", null, "gateway");

        DepositView afterFirst = deposit();
        assertThat(afterFirst.status()).isEqualTo(DepositStatus.PARTLY_PAID);
        assertThat(afterFirst.paidFen()).isEqualTo(66_667);
        assertThat(afterFirst.instalments()).extracting(Instalment::paidAt).containsExactly(P1, null, null);

        projection.on(payment("PAY-2", 66_667, 133_334, P2), P2, 2L, "SYSTEM", null, "gateway");
        projection.on(payment("PAY-3", 66_666, 200_000, P3), P3, 3L, "SYSTEM", null, "gateway");
        projection.on(new DepositPaidInFullEvent(DEPOSIT_ID, CODE, ROUND, DEPOSIT, P3, POLICY),
                      P3, 4L, "SYSTEM", null, "gateway");

        assertThat(deposit()).isEqualTo(new DepositView(
                DEPOSIT_ID.value(), ROUND.value(), DepositStatus.PAID_IN_FULL, PaymentPlan.INSTALMENTS,
                200_000, 200_000, List.of(new Instalment(1, 66_667, P1), new Instalment(2, 66_667, P2),
                                          new Instalment(3, 66_666, P3)),
                P3, null, false, null, null, null));
        assertThat(view().timeline()).extracting(TimelineEntry::description).contains(
                "Deposit payment of 666.67 yuan (66667 fen) received by BANK_CARD; 1333.34 yuan (133334 fen) paid so far",
                "Deposit for round 2023-ORD-02 paid in full: 2000.00 yuan (200000 fen)");
    }

    @Test
    void anInstalmentIsPaidOnlyOnceTheRunningTotalCoversIt() {
        projection.on(depositRequestedInThirds(CODE), T0, 0L, "WEB", null, "applicant");
        projection.on(payment("PAY-1", 100_000, 100_000, P1), P1, 1L, null, null, null);
        assertThat(deposit().instalments()).extracting(Instalment::paidAt).containsExactly(P1, null, null);

        projection.on(payment("PAY-2", 33_334, 133_334, P2), P2, 2L, null, null, null);
        assertThat(deposit().instalments()).extracting(Instalment::paidAt).containsExactly(P1, P2, null);
    }

    @Test
    void depositEventsDoNotBlockLaterApplicationEvents() {
        paidInFull();

        projection.on(new ApplicationWithdrawnEvent(CODE, "moving abroad", R, POLICY),
                      R, 2L, "APP", null, "applicant");

        assertThat(view().status()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(deposit().status()).isEqualTo(DepositStatus.PAID_IN_FULL);
        assertThat(rawDocument().get("lastSequence", Number.class).longValue()).isEqualTo(2);
    }

    @Test
    void anOverdueRefundIsShownUntilTheRefundIsConfirmed() {
        paidInFull();
        projection.on(refundScheduled(CODE, DEPOSIT, DUE), T0, 3L, "SYSTEM", null, null);
        assertThat(deposit().status()).isEqualTo(DepositStatus.REFUND_SCHEDULED);
        assertThat(deposit().refundDueDate()).isEqualTo(DUE);
        assertThat(deposit().refundOverdue()).isFalse();

        projection.on(refundOverdue(CODE, DEPOSIT, DUE), T0, 4L, "SYSTEM", null, null);
        assertThat(deposit().refundOverdue()).isTrue();
        assertThat(lastTimelineEntry().description())
                .isEqualTo("Refund not confirmed by its due date 2023-04-14: 2000.00 yuan (200000 fen) outstanding");

        projection.on(new DepositRefundLinePaidEvent(DEPOSIT_ID, CODE, "PAY-1", "OUT-1", DEPOSIT, CARD, R, POLICY),
                      R, 5L, "SYSTEM", null, "gateway");
        projection.on(new DepositRefundedEvent(DEPOSIT_ID, CODE, DEPOSIT, R, POLICY), R, 6L, "SYSTEM", null, null);

        DepositView refunded = deposit();
        assertThat(refunded.status()).isEqualTo(DepositStatus.REFUNDED);
        assertThat(refunded.refundedAt()).isEqualTo(R);
        assertThat(refunded.refundOverdue()).isFalse();
        assertThat(refunded.refundDueDate()).isEqualTo(DUE);
        assertThat(view().timeline()).extracting(TimelineEntry::event).endsWith(
                "DepositRefundScheduled", "DepositRefundOverdue", "DepositRefundLinePaid", "DepositRefunded");
    }

    @Test
    void aWinnersDepositIsConverted() {
        paidInFull();

        projection.on(new DepositConvertedEvent(DEPOSIT_ID, CODE, DEPOSIT, POLICY), R, 3L, "SYSTEM", null, null);

        assertThat(deposit().status()).isEqualTo(DepositStatus.CONVERTED);
        assertThat(deposit().convertedAt()).isEqualTo(R);
        assertThat(lastTimelineEntry().description())
                .isEqualTo("Deposit of 2000.00 yuan (200000 fen) converted into the vehicle fee");
    }

    @Test
    void aCarriedOverDepositNamesTheNextRoundAndTheNextDepositFollowsIt() {
        paidInFull();
        RoundId next = RoundId.of("2023-ORD-03");

        projection.on(new DepositCarriedOverEvent(DEPOSIT_ID, CODE, next, DEPOSIT, POLICY), R, 3L, "APP", null, null);
        DepositId nextId = DepositId.of(CODE, next);
        projection.on(new DepositRequestedEvent(nextId, CODE, next, QuotaType.ORDINARY, DEPOSIT, PaymentPlan.FULL,
                                                List.of(DEPOSIT), POLICY), R, 0L, "SYSTEM", null, null);

        List<DepositView> deposits = view().deposits();
        assertThat(deposits).extracting(DepositView::depositId).containsExactly(DEPOSIT_ID.value(), nextId.value());
        assertThat(deposits.get(0).status()).isEqualTo(DepositStatus.CARRIED_OVER);
        assertThat(deposits.get(0).carriedOverTo()).isEqualTo("2023-ORD-03");
        assertThat(deposits.get(1).status()).isEqualTo(DepositStatus.AWAITING_PAYMENT);
        assertThat(deposits.get(1).instalments()).containsExactly(new Instalment(1, 200_000, null));
    }

    @Test
    void aDepositWithNothingPaidIsCancelled() {
        projection.on(depositRequestedInThirds(CODE), T0, 0L, "WEB", null, "applicant");

        projection.on(new DepositCancelledEvent(DEPOSIT_ID, CODE, POLICY), R, 1L, "SYSTEM", null, null);

        assertThat(deposit().status()).isEqualTo(DepositStatus.CANCELLED);
        assertThat(deposit().paidFen()).isZero();
    }

    @Test
    void redeliveredDepositEventsChangeNothing() {
        Runnable stream = () -> {
            projection.on(depositRequestedInThirds(CODE), T0, 0L, "WEB", null, "applicant");
            projection.on(payment("PAY-1", 66_667, 66_667, P1), P1, 1L, "SYSTEM", null, "gateway");
            projection.on(payment("PAY-2", 66_667, 133_334, P2), P2, 2L, "SYSTEM", null, "gateway");
            projection.on(payment("PAY-3", 66_666, 200_000, P3), P3, 3L, "SYSTEM", null, "gateway");
            projection.on(new DepositPaidInFullEvent(DEPOSIT_ID, CODE, ROUND, DEPOSIT, P3, POLICY),
                          P3, 4L, "SYSTEM", null, "gateway");
            projection.on(refundScheduled(CODE, DEPOSIT, DUE), T0, 5L, "SYSTEM", null, null);
            projection.on(refundOverdue(CODE, DEPOSIT, DUE), T0, 6L, "SYSTEM", null, null);
            projection.on(new DepositRefundedEvent(DEPOSIT_ID, CODE, DEPOSIT, R, POLICY), R, 7L, "SYSTEM", null,
                          null);
        };
        stream.run();
        Document before = rawDocument();

        stream.run();
        projection.on(payment("PAY-2", 66_667, 133_334, P2), P2, 2L, "SYSTEM", null, "gateway");

        assertThat(rawDocument()).isEqualTo(before);
        assertThat(deposit().status()).isEqualTo(DepositStatus.REFUNDED);
        assertThat(view().timeline()).hasSize(2 + 8);
    }

    @Test
    void storesNoPaymentReferencesAccountsOrNulls() {
        paidInFull();
        projection.on(refundScheduled(CODE, DEPOSIT, DUE), T0, 3L, "SYSTEM", null, null);
        projection.on(new DepositRefundLinePaidEvent(DEPOSIT_ID, CODE, "PAY-1", "OUT-1", DEPOSIT, CARD, R, POLICY),
                      R, 4L, "SYSTEM", null, "gateway");

        String json = rawDocument().toJson();
        assertThat(json).doesNotContain("PAY-1", "OUT-1", CARD.maskedAccount(), "null");
        Document stored = rawDocument().getList("deposits", Document.class).get(0);
        assertThat(stored).doesNotContainKeys("refundOverdue", "refundedAt", "convertedAt", "carriedOverTo");
        assertThat(stored.get("lastSequence", Number.class).longValue()).isEqualTo(4);
    }

    @Test
    void aDepositEventForAnUnknownApplicationOrAnUnrequestedDepositIsSkipped() {
        ApplicationCode unknown = code("135792468013");
        projection.on(depositRequestedInThirds(unknown), T0, 0L, null, null, null);
        assertThat(repository.find(unknown.value())).isEmpty();

        projection.on(payment("PAY-1", 66_667, 66_667, P1), P1, 1L, null, null, null);
        assertThat(view().deposits()).isEmpty();
        assertThat(view().timeline()).hasSize(2);
    }

    private void paidInFull() {
        projection.on(new DepositRequestedEvent(DEPOSIT_ID, CODE, ROUND, QuotaType.ORDINARY, DEPOSIT,
                                                PaymentPlan.FULL, List.of(DEPOSIT), POLICY),
                      T0, 0L, "WEB", null, "applicant");
        projection.on(payment("PAY-1", 200_000, 200_000, P1), P1, 1L, "SYSTEM", null, "gateway");
        projection.on(new DepositPaidInFullEvent(DEPOSIT_ID, CODE, ROUND, DEPOSIT, P1, POLICY),
                      P1, 2L, "SYSTEM", null, "gateway");
    }

    private static DepositInstalmentPaidEvent payment(String reference, long fen, long totalFen, Instant at) {
        return new DepositInstalmentPaidEvent(DEPOSIT_ID, CODE, reference, MoneyFen.ofFen(fen),
                                              MoneyFen.ofFen(totalFen), CARD, at, POLICY);
    }

    private DepositView deposit() {
        return view().deposits().get(0);
    }

    private TimelineEntry lastTimelineEntry() {
        List<TimelineEntry> timeline = view().timeline();
        return timeline.get(timeline.size() - 1);
    }

    private ApplicationStatusView view() {
        return repository.find(CODE.value()).orElseThrow().toView();
    }

    private Document rawDocument() {
        return ApplicationStatusDocument.expanded(collection.find(eq("_id", CODE.value())).first());
    }
}
