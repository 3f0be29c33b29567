package org.yaohao.query.deposit;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.deposit.DepositRefundLinePaidEvent;
import org.yaohao.kernel.deposit.DepositRefundedEvent;
import org.yaohao.kernel.deposit.FindOverdueRefundsQuery;
import org.yaohao.kernel.deposit.OverdueRefundView;
import org.yaohao.kernel.deposit.RefundReason;
import org.yaohao.query.InProcessMongo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.query.TestEvents.CARD;
import static org.yaohao.query.TestEvents.DEPOSIT;
import static org.yaohao.query.TestEvents.POLICY;
import static org.yaohao.query.TestEvents.code;
import static org.yaohao.query.TestEvents.depositId;
import static org.yaohao.query.TestEvents.refundOverdue;
import static org.yaohao.query.TestEvents.refundScheduled;

/** The overdue-refunds projection and its query handler against the real driver and the in-process MongoDB server. */
class OverdueRefundsProjectionTest {

    private static final ApplicationCode A = code("111122223333");
    private static final ApplicationCode B = code("444455556666");
    private static final ApplicationCode C = code("777788889999");
    private static final LocalDate DUE = LocalDate.parse("2023-04-14");
    private static final Instant AT = Instant.parse("2023-04-20T03:00:00Z");

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private OverdueRefundsProjection projection;
    private OverdueRefundsQueryHandler queryHandler;

    @BeforeEach
    void emptyCollections() {
        mongo.database().drop();
        OverdueRefundRepository repository = new OverdueRefundRepository(mongo.database());
        projection = new OverdueRefundsProjection(repository);
        queryHandler = new OverdueRefundsQueryHandler(repository);
    }

    @Test
    void aScheduledRefundIsNotListedBeforeItsOverdueNotice() {
        projection.on(refundScheduled(A, DEPOSIT, DUE), 3L);

        assertThat(overdue()).isEmpty();
    }

    @Test
    void anOverdueRefundIsListedWithItsReasonUntilConfirmed() {
        projection.on(refundScheduled(A, DEPOSIT, DUE), 3L);
        projection.on(refundOverdue(A, DEPOSIT, DUE), 4L);

        assertThat(overdue()).containsExactly(new OverdueRefundView(
                depositId(A).value(), A.value(), "2023-ORD-02", 200_000, DUE, RefundReason.NOT_WON));

        projection.on(linePaid(A, 120_000), 5L);
        assertThat(overdue()).extracting(OverdueRefundView::outstandingFen).containsExactly(80_000L);

        projection.on(linePaid(A, 80_000), 6L);
        projection.on(new DepositRefundedEvent(depositId(A), A, DEPOSIT, AT, POLICY));

        assertThat(overdue()).isEmpty();
        assertThat(mongo.database().getCollection(OverdueRefundRepository.REFUNDS_DUE).countDocuments()).isZero();
    }

    @Test
    void isSortedByDueDateThenDepositId() {
        LocalDate earlier = DUE.minusDays(3);
        projection.on(refundOverdue(C, DEPOSIT, DUE), 4L);
        projection.on(refundOverdue(B, DEPOSIT, earlier), 4L);
        projection.on(refundOverdue(A, DEPOSIT, DUE), 4L);

        assertThat(overdue()).extracting(OverdueRefundView::depositId)
                             .containsExactly(depositId(B).value(), depositId(A).value(), depositId(C).value());
        assertThat(overdue().get(0).reason()).isNull(); // the schedule was never seen by this projection
    }

    @Test
    void redeliveredEventsChangeNothing() {
        projection.on(refundScheduled(A, DEPOSIT, DUE), 3L);
        projection.on(refundOverdue(A, DEPOSIT, DUE), 4L);
        projection.on(linePaid(A, 50_000), 5L);
        List<Document> before = rawOverdue();

        projection.on(linePaid(A, 50_000), 5L);
        projection.on(refundOverdue(A, DEPOSIT, DUE), 4L);
        projection.on(refundScheduled(A, DEPOSIT, DUE), 3L);

        assertThat(rawOverdue()).isEqualTo(before);
        assertThat(overdue()).extracting(OverdueRefundView::outstandingFen).containsExactly(150_000L);
    }

    @Test
    void aRedeliveredStreamEndsWithTheRefundGone() {
        Runnable stream = () -> {
            projection.on(refundScheduled(A, DEPOSIT, DUE), 3L);
            projection.on(refundOverdue(A, DEPOSIT, DUE), 4L);
            projection.on(linePaid(A, 200_000), 5L);
            projection.on(new DepositRefundedEvent(depositId(A), A, DEPOSIT, AT, POLICY));
        };
        stream.run();
        stream.run();

        assertThat(overdue()).isEmpty();
    }

    @Test
    void holdsNoPaymentReferencesOrAccounts() {
        projection.on(refundScheduled(A, DEPOSIT, DUE), 3L);
        projection.on(refundOverdue(A, DEPOSIT, DUE), 4L);
        projection.on(linePaid(A, 1_000), 5L);

        String json = rawOverdue().toString() + mongo.database().getCollection(OverdueRefundRepository.REFUNDS_DUE)
                                                      .find().into(new ArrayList<>());
        assertThat(json).doesNotContain("PAY-1", "OUT-1", CARD.maskedAccount());
    }

    private List<OverdueRefundView> overdue() {
        return queryHandler.handle(new FindOverdueRefundsQuery());
    }

    private List<Document> rawOverdue() {
        return mongo.database().getCollection(OverdueRefundRepository.COLLECTION).find().into(new ArrayList<>());
    }

    private static DepositRefundLinePaidEvent linePaid(ApplicationCode code, long fen) {
        return new DepositRefundLinePaidEvent(depositId(code), code, "PAY-1", "OUT-1", MoneyFen.ofFen(fen), CARD,
                                              AT, POLICY);
    }
}
