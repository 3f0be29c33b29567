package org.yaohao.query.application;

import org.bson.Document;
import org.yaohao.kernel.deposit.DepositStatus;
import org.yaohao.kernel.deposit.DepositView;
import org.yaohao.kernel.deposit.PaymentPlan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * One deposit inside an {@link ApplicationStatusDocument}: what is due, what was paid and when, and how it ended.
 * Amounts are integer fen. Holds no payment references, routes or accounts.
 * <p>
 * Deposit events come from the Deposit aggregate (aggregate id = deposit id), not from the Application, so the
 * application's own {@code lastSequence} says nothing about them: each entry keeps the sequence number of the last
 * event of its deposit that was applied, and an event at or below it is ignored (redelivery, replay).
 *
 * @param refundOverdue whether the refund is overdue now: set by the overdue notice, cleared once refunded
 * @param carriedOverTo the round the deposit was kept for, when carried over
 * @param lastSequence  the deposit aggregate's sequence number of the last event applied to this entry
 */
record DepositEntry(String depositId,
                    String roundId,
                    DepositStatus status,
                    PaymentPlan plan,
                    long amountDueFen,
                    long paidFen,
                    List<Instalment> instalments,
                    Instant paidInFullAt,
                    LocalDate refundDueDate,
                    boolean refundOverdue,
                    Instant refundedAt,
                    Instant convertedAt,
                    String carriedOverTo,
                    long lastSequence) {

    DepositEntry {
        instalments = instalments == null ? List.of() : List.copyOf(instalments);
    }

    /** A deposit just requested: nothing paid, each instalment open. */
    static DepositEntry requested(String depositId, String roundId, PaymentPlan plan, long amountDueFen,
                                  List<Long> instalmentAmountsFen, long sequence) {
        List<Instalment> instalments = new ArrayList<>();
        for (int i = 0; i < instalmentAmountsFen.size(); i++) {
            instalments.add(new Instalment(i + 1, instalmentAmountsFen.get(i), null));
        }
        return new DepositEntry(depositId, roundId, DepositStatus.AWAITING_PAYMENT, plan, amountDueFen, 0,
                                instalments, null, null, false, null, null, null, sequence);
    }

    /** Whether the deposit event with this sequence number has already been applied to this entry. */
    boolean hasApplied(long sequence) {
        return sequence <= lastSequence;
    }

    /**
     * Money received, {@code paidTotalFen} being everything received so far. Instalments are paid in order: an
     * instalment counts as paid, at {@code paidAt}, once the running total reaches the sum of the instalments up to
     * and including it. An instalment already paid keeps its date.
     */
    DepositEntry paid(long paidTotalFen, Instant paidAt, long sequence) {
        List<Instalment> updated = new ArrayList<>(instalments.size());
        long upToHere = 0;
        for (Instalment instalment : instalments) {
            upToHere += instalment.amountFen();
            boolean nowPaid = instalment.paidAt() == null && paidTotalFen >= upToHere;
            updated.add(nowPaid ? new Instalment(instalment.number(), instalment.amountFen(), paidAt) : instalment);
        }
        DepositStatus newStatus = status != DepositStatus.AWAITING_PAYMENT && status != DepositStatus.PARTLY_PAID
                ? status
                : paidTotalFen >= amountDueFen ? DepositStatus.PAID_IN_FULL : DepositStatus.PARTLY_PAID;
        return new DepositEntry(depositId, roundId, newStatus, plan, amountDueFen, Math.max(paidFen, paidTotalFen),
                                updated, paidInFullAt, refundDueDate, refundOverdue, refundedAt, convertedAt,
                                carriedOverTo, sequence);
    }

    /** Fully paid at {@code at}: any instalment still open is paid then too. */
    DepositEntry paidInFull(long amountFen, Instant at, long sequence) {
        DepositEntry paid = paid(Math.max(paidFen, amountFen), at, sequence);
        return new DepositEntry(depositId, roundId, DepositStatus.PAID_IN_FULL, plan, amountDueFen, paid.paidFen(),
                                paid.instalments().stream()
                                    .map(i -> i.paidAt() != null ? i : new Instalment(i.number(), i.amountFen(), at))
                                    .toList(),
                                at, refundDueDate, refundOverdue, refundedAt, convertedAt, carriedOverTo, sequence);
    }

    DepositEntry refundScheduled(LocalDate dueDate, long sequence) {
        return new DepositEntry(depositId, roundId, DepositStatus.REFUND_SCHEDULED, plan, amountDueFen, paidFen,
                                instalments, paidInFullAt, dueDate, refundOverdue, refundedAt, convertedAt,
                                carriedOverTo, sequence);
    }

    DepositEntry refundOverdue(LocalDate dueDate, long sequence) {
        return new DepositEntry(depositId, roundId, status, plan, amountDueFen, paidFen, instalments, paidInFullAt,
                                dueDate, true, refundedAt, convertedAt, carriedOverTo, sequence);
    }

    DepositEntry refunded(Instant at, long sequence) {
        return new DepositEntry(depositId, roundId, DepositStatus.REFUNDED, plan, amountDueFen, paidFen, instalments,
                                paidInFullAt, refundDueDate, false, at, convertedAt, carriedOverTo, sequence);
    }

    DepositEntry converted(Instant at, long sequence) {
        return new DepositEntry(depositId, roundId, DepositStatus.CONVERTED, plan, amountDueFen, paidFen, instalments,
                                paidInFullAt, refundDueDate, refundOverdue, refundedAt, at, carriedOverTo, sequence);
    }

    DepositEntry carriedOver(String nextRound, long sequence) {
        return new DepositEntry(depositId, roundId, DepositStatus.CARRIED_OVER, plan, amountDueFen, paidFen,
                                instalments, paidInFullAt, refundDueDate, refundOverdue, refundedAt, convertedAt,
                                nextRound, sequence);
    }

    DepositEntry cancelled(long sequence) {
        return new DepositEntry(depositId, roundId, DepositStatus.CANCELLED, plan, amountDueFen, paidFen, instalments,
                                paidInFullAt, refundDueDate, refundOverdue, refundedAt, convertedAt, carriedOverTo,
                                sequence);
    }

    /** An event that changes nothing shown but was applied: only the sequence number moves on. */
    DepositEntry applied(long sequence) {
        return new DepositEntry(depositId, roundId, status, plan, amountDueFen, paidFen, instalments, paidInFullAt,
                                refundDueDate, refundOverdue, refundedAt, convertedAt, carriedOverTo, sequence);
    }

    DepositView toView() {
        return new DepositView(depositId, roundId, status, plan, amountDueFen, paidFen,
                               instalments.stream()
                                          .map(i -> new DepositView.Instalment(i.number(), i.amountFen(), i.paidAt()))
                                          .toList(),
                               paidInFullAt, refundDueDate, refundOverdue, refundedAt, convertedAt, carriedOverTo);
    }

    /** One part of the split, numbered from 1; {@code paidAt} once paid. */
    record Instalment(int number, long amountFen, Instant paidAt) {
    }

    // ---- mapping to and from BSON (nulls are left out by the document's writer) ----------------------------------

    Document toBson() {
        return new Document("depositId", depositId)
                .append("roundId", roundId)
                .append("status", status.name())
                .append("plan", plan == null ? null : plan.name())
                .append("amountDueFen", amountDueFen)
                .append("paidFen", paidFen)
                .append("instalments", instalments.stream()
                        .map(i -> new Document("number", i.number())
                                .append("amountFen", i.amountFen())
                                .append("paidAt", date(i.paidAt())))
                        .toList())
                .append("paidInFullAt", date(paidInFullAt))
                .append("refundDueDate", refundDueDate == null ? null : refundDueDate.toString())
                .append("refundOverdue", refundOverdue ? Boolean.TRUE : null)
                .append("refundedAt", date(refundedAt))
                .append("convertedAt", date(convertedAt))
                .append("carriedOverTo", carriedOverTo)
                .append("lastSequence", lastSequence);
    }

    static DepositEntry fromBson(Document d) {
        String plan = d.getString("plan");
        String refundDueDate = d.getString("refundDueDate");
        return new DepositEntry(
                d.getString("depositId"),
                d.getString("roundId"),
                DepositStatus.valueOf(d.getString("status")),
                plan == null ? null : PaymentPlan.valueOf(plan),
                d.get("amountDueFen", Number.class).longValue(),
                d.get("paidFen", Number.class).longValue(),
                d.getList("instalments", Document.class, List.of()).stream()
                 .map(i -> new Instalment(i.getInteger("number"), i.get("amountFen", Number.class).longValue(),
                                          instant(i.getDate("paidAt"))))
                 .toList(),
                instant(d.getDate("paidInFullAt")),
                refundDueDate == null ? null : LocalDate.parse(refundDueDate),
                d.getBoolean("refundOverdue", false),
                instant(d.getDate("refundedAt")),
                instant(d.getDate("convertedAt")),
                d.getString("carriedOverTo"),
                d.get("lastSequence", Number.class).longValue());
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
