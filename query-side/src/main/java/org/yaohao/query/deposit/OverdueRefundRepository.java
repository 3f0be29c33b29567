package org.yaohao.query.deposit;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.yaohao.kernel.deposit.OverdueRefundView;
import org.yaohao.query.store.BufferedCollection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Two collections through the plain MongoDB driver, both keyed by the deposit id:
 * <ul>
 *     <li>{@value #COLLECTION}: the refunds not confirmed by their due date. <b>Operators and analysts may read it
 *     directly</b>: it holds no personal data (deposit id, application code, round, amount outstanding in fen, due
 *     date, reason; no names, ID numbers, payment references or accounts). A document appears with the overdue
 *     notice and disappears when the refund is confirmed.</li>
 *     <li>{@value #REFUNDS_DUE}: the projection's own working set, every scheduled refund not yet confirmed (it is
 *     where the reason waits for an overdue notice, which does not carry it). Same content, not meant for readers.</li>
 * </ul>
 */
@Repository
class OverdueRefundRepository {

    static final String COLLECTION = "overdue_refunds";
    static final String REFUNDS_DUE = "refunds_due";

    private final BufferedCollection overdue;
    private final BufferedCollection due;

    OverdueRefundRepository(MongoDatabase queryDatabase) {
        this.overdue = new BufferedCollection(queryDatabase.getCollection(COLLECTION));
        this.due = new BufferedCollection(queryDatabase.getCollection(REFUNDS_DUE));
    }

    Optional<RefundDue> find(String depositId) {
        return due.find(depositId).map(RefundDue::fromBson);
    }

    /** Replaces the working document and, when overdue, its {@value #COLLECTION} document (both idempotent). */
    void save(RefundDue refund) {
        due.replace(refund.depositId(), refund.toBson());
        if (refund.overdue()) {
            overdue.replace(refund.depositId(), refund.overdueBson());
        }
    }

    /** The refund was confirmed: nothing is due any more. */
    void remove(String depositId) {
        overdue.delete(depositId);
        due.delete(depositId);
    }

    /** Every overdue refund, the earliest due date first, then by deposit id. */
    List<OverdueRefundView> findAllOverdue() {
        return overdue.collection().find()
                      .sort(Sorts.ascending("dueDate", "_id"))
                      .map(RefundDue::viewFromOverdueBson)
                      .into(new ArrayList<>());
    }
}
