package org.yaohao.query.deposit;

import org.bson.Document;
import org.yaohao.kernel.deposit.OverdueRefundView;
import org.yaohao.kernel.deposit.RefundReason;

import java.time.LocalDate;

/**
 * A refund scheduled and not yet confirmed, as the overdue-refunds projection tracks it in the
 * {@value OverdueRefundRepository#REFUNDS_DUE} collection ({@code _id} = the deposit id): what is still to be paid
 * out, by when, why, and whether the due date has passed. No personal data: no names, ID numbers, payment
 * references or accounts.
 *
 * @param reason       why the deposit goes back; {@code null} if the schedule was never seen (the processor started
 *                     after it)
 * @param overdue      whether the overdue notice came; only then is the refund listed in {@code overdue_refunds}
 * @param lastSequence the deposit aggregate's sequence number of the last event applied; an event at or below it is
 *                     ignored (redelivery, replay)
 */
record RefundDue(String depositId, String applicationCode, String roundId, RefundReason reason, LocalDate dueDate,
                 long outstandingFen, boolean overdue, long lastSequence) {

    boolean hasApplied(long sequence) {
        return sequence <= lastSequence;
    }

    RefundDue overdue(long outstanding, LocalDate due, long sequence) {
        return new RefundDue(depositId, applicationCode, roundId, reason, due, outstanding, true, sequence);
    }

    /** One refund line paid out: less is outstanding (never below zero). */
    RefundDue linePaid(long amountFen, long sequence) {
        return new RefundDue(depositId, applicationCode, roundId, reason, dueDate,
                             Math.max(0, outstandingFen - amountFen), overdue, sequence);
    }

    OverdueRefundView toView() {
        return new OverdueRefundView(depositId, applicationCode, roundId, outstandingFen, dueDate, reason);
    }

    // ---- mapping to and from BSON: the working document, and the published overdue document ----------------------

    Document toBson() {
        return overdueBson().append("overdue", overdue).append("lastSequence", lastSequence);
    }

    /** The {@code overdue_refunds} document: what operators and analysts read. Due date as ISO text, so it sorts. */
    Document overdueBson() {
        Document document = new Document("_id", depositId)
                .append("applicationCode", applicationCode)
                .append("roundId", roundId)
                .append("outstandingFen", outstandingFen)
                .append("dueDate", dueDate == null ? null : dueDate.toString());
        if (reason != null) {
            document.append("reason", reason.name());
        }
        return document;
    }

    static RefundDue fromBson(Document d) {
        return new RefundDue(d.getString("_id"), d.getString("applicationCode"), d.getString("roundId"),
                             reason(d), dueDate(d), d.get("outstandingFen", Number.class).longValue(),
                             d.getBoolean("overdue", false), d.get("lastSequence", Number.class).longValue());
    }

    static OverdueRefundView viewFromOverdueBson(Document d) {
        return new OverdueRefundView(d.getString("_id"), d.getString("applicationCode"), d.getString("roundId"),
                                     d.get("outstandingFen", Number.class).longValue(), dueDate(d), reason(d));
    }

    private static RefundReason reason(Document d) {
        String reason = d.getString("reason");
        return reason == null ? null : RefundReason.valueOf(reason);
    }

    private static LocalDate dueDate(Document d) {
        String dueDate = d.getString("dueDate");
        return dueDate == null ? null : LocalDate.parse(dueDate);
    }
}
