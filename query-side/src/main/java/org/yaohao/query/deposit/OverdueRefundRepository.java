package org.yaohao.query.deposit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.yaohao.kernel.deposit.OverdueRefundView;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

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

    private final MongoCollection<Document> overdue;
    private final MongoCollection<Document> due;

    OverdueRefundRepository(MongoDatabase queryDatabase) {
        this.overdue = queryDatabase.getCollection(COLLECTION);
        this.due = queryDatabase.getCollection(REFUNDS_DUE);
    }

    Optional<RefundDue> find(String depositId) {
        return Optional.ofNullable(due.find(eq("_id", depositId)).first()).map(RefundDue::fromBson);
    }

    /** Replaces the working document and, when overdue, its {@value #COLLECTION} document (both idempotent). */
    void save(RefundDue refund) {
        due.replaceOne(eq("_id", refund.depositId()), refund.toBson(), new ReplaceOptions().upsert(true));
        if (refund.overdue()) {
            overdue.replaceOne(eq("_id", refund.depositId()), refund.overdueBson(), new ReplaceOptions().upsert(true));
        }
    }

    /** The refund was confirmed: nothing is due any more. */
    void remove(String depositId) {
        overdue.deleteOne(eq("_id", depositId));
        due.deleteOne(eq("_id", depositId));
    }

    /** Every overdue refund, the earliest due date first, then by deposit id. */
    List<OverdueRefundView> findAllOverdue() {
        return overdue.find()
                      .sort(Sorts.ascending("dueDate", "_id"))
                      .map(RefundDue::viewFromOverdueBson)
                      .into(new ArrayList<>());
    }
}
