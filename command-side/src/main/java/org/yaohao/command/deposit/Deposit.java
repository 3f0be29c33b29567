package org.yaohao.command.deposit;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.deposit.DepositCancelledEvent;
import org.yaohao.kernel.deposit.DepositCarriedOverEvent;
import org.yaohao.kernel.deposit.DepositCarryOverChosenEvent;
import org.yaohao.kernel.deposit.DepositConvertedEvent;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.DepositInstalmentPaidEvent;
import org.yaohao.kernel.deposit.DepositPaidInFullEvent;
import org.yaohao.kernel.deposit.DepositRefundLinePaidEvent;
import org.yaohao.kernel.deposit.DepositRefundOverdueEvent;
import org.yaohao.kernel.deposit.DepositRefundScheduledEvent;
import org.yaohao.kernel.deposit.DepositRefundedEvent;
import org.yaohao.kernel.deposit.DepositRequestedEvent;
import org.yaohao.kernel.deposit.DepositStatus;
import org.yaohao.kernel.deposit.PaymentPlan;
import org.yaohao.kernel.deposit.RecordDepositPaymentCommand;
import org.yaohao.kernel.deposit.RefundLine;
import org.yaohao.kernel.deposit.RefundReason;
import org.yaohao.kernel.round.RoundId;
import org.yaohao.kernel.policy.Policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A deposit (保证金) for one application and one round: "paid in full or in 3 interest-free instalments; it must be
 * fully paid by that round's cut-off for the application to enter the round. Non-winners' deposits go back by the
 * original payment route within 7 working days of publication; a winner's deposit is converted to the vehicle fee;
 * an applicant may instead carry a non-winning deposit over to the next round of the same type."
 * <p>
 * Every gateway payment is applied once, by its reference: the gateway may report the same payment many times.
 */
@Aggregate
public class Deposit {

    static final String REFUND_OVERDUE = "deposit-refund-overdue";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @AggregateIdentifier
    private DepositId depositId;
    private ApplicationCode code;
    private RoundId roundId;
    private MoneyFen amountDue;
    private MoneyFen paid;
    private DepositStatus status;
    private String policyVersion;
    /** Payments by gateway reference, in the order received: what a refund returns, line by line. */
    private Map<String, RefundLine> payments;
    private Map<String, RefundLine> refundsOutstanding;
    private LocalDate dueDateOfRefund;
    private RoundId carryOverChoice;

    protected Deposit() {
        // for Axon
    }

    Deposit(DepositId depositId, QuotaType quotaType, PaymentPlan plan, Policy policy) {
        MoneyFen amount = DepositSplit.amountDue(quotaType, policy);
        apply(new DepositRequestedEvent(depositId, depositId.applicationCode(), depositId.roundId(), quotaType, amount,
                plan, DepositSplit.instalments(amount, plan, policy), policy.version()));
    }

    /**
     * The deposit of {@code depositId}'s round, opened already paid with the payments the previous round's deposit
     * carried over (they keep their references and routes, so a later refund still goes back the way they came).
     * Events applied in a constructor reach the event sourcing handlers only afterwards, so the totals are
     * computed here.
     */
    Deposit(DepositId depositId, QuotaType quotaType, Policy policy, List<RefundLine> carriedPayments, Instant at) {
        MoneyFen amount = DepositSplit.amountDue(quotaType, policy);
        apply(new DepositRequestedEvent(depositId, depositId.applicationCode(), depositId.roundId(), quotaType, amount,
                PaymentPlan.FULL, DepositSplit.instalments(amount, PaymentPlan.FULL, policy), policy.version()));
        MoneyFen total = MoneyFen.ZERO;
        for (RefundLine payment : carriedPayments) {
            total = total.plus(payment.amount());
            apply(new DepositInstalmentPaidEvent(depositId, depositId.applicationCode(), payment.paymentReference(),
                    payment.amount(), total, payment.route(), at, policy.version()));
        }
        if (!total.isLessThan(amount)) {
            apply(new DepositPaidInFullEvent(depositId, depositId.applicationCode(), depositId.roundId(), total, at,
                    policy.version()));
        }
    }

    /** Applies a gateway payment; the same reference again changes nothing. */
    void recordPayment(RecordDepositPaymentCommand command) {
        if (payments.containsKey(command.paymentReference())) {
            return;
        }
        if (status == DepositStatus.PAID_IN_FULL) {
            throw new DomainException(ErrorCode.DEPOSIT_ALREADY_PAID, "amountFen",
                    "deposit " + depositId + " is already paid in full");
        }
        requireOpen();
        if (command.amount().fen() <= 0) {
            throw new DomainException(ErrorCode.AMOUNT_NOT_POSITIVE, "amountFen", "a payment is at least 1 fen");
        }
        MoneyFen outstanding = amountDue.minus(paid);
        if (outstanding.isLessThan(command.amount())) {
            throw new DomainException(ErrorCode.PAYMENT_EXCEEDS_AMOUNT_DUE, "amountFen",
                    "only " + outstanding.fen() + " fen are still due on deposit " + depositId,
                    Map.of("outstandingFen", String.valueOf(outstanding.fen())));
        }
        MoneyFen total = paid.plus(command.amount());
        apply(new DepositInstalmentPaidEvent(depositId, code, command.paymentReference(), command.amount(), total,
                command.route(), command.paidAt(), policyVersion));
        if (total.equals(amountDue)) {
            apply(new DepositPaidInFullEvent(depositId, code, roundId, amountDue, command.paidAt(), policyVersion));
        }
    }

    /**
     * Returns what was paid by the original routes, due by {@code dueDate} (inclusive); flagged overdue after it.
     * A deposit with nothing paid is simply closed. Asking again changes nothing.
     */
    void scheduleRefund(RefundReason reason, LocalDate dueDate, DeadlineManager deadlines) {
        if (status == DepositStatus.REFUND_SCHEDULED || isClosed()) {
            return;
        }
        if (paid.fen() == 0) {
            apply(new DepositCancelledEvent(depositId, code, policyVersion));
            return;
        }
        apply(new DepositRefundScheduledEvent(depositId, code, paid, List.copyOf(payments.values()), reason, dueDate,
                policyVersion));
        deadlines.schedule(dueDate.plusDays(1).atStartOfDay(BEIJING).toInstant(), REFUND_OVERDUE);
    }

    /** The gateway paid one payment back; the last one closes the deposit. Confirming twice changes nothing. */
    void confirmRefund(String paymentReference, String payoutReference, Instant refundedAt, DeadlineManager deadlines) {
        if (status == DepositStatus.REFUNDED) {
            return;
        }
        if (status != DepositStatus.REFUND_SCHEDULED) {
            throw new DomainException(ErrorCode.REFUND_NOT_SCHEDULED, "paymentReference",
                    "no refund is scheduled for deposit " + depositId);
        }
        RefundLine line = refundsOutstanding.get(paymentReference);
        if (line == null) {
            if (payments.containsKey(paymentReference)) {
                return; // already confirmed
            }
            throw new DomainException(ErrorCode.REFUND_NOT_SCHEDULED, "paymentReference",
                    "deposit " + depositId + " has no payment with this reference");
        }
        apply(new DepositRefundLinePaidEvent(depositId, code, paymentReference, payoutReference, line.amount(),
                line.route(), refundedAt, policyVersion));
        if (refundsOutstanding.isEmpty()) {
            apply(new DepositRefundedEvent(depositId, code, paid, refundedAt, policyVersion));
            deadlines.cancelAllWithinScope(REFUND_OVERDUE);
        }
    }

    /** A winner's deposit becomes the vehicle fee. */
    void convert() {
        if (status == DepositStatus.CONVERTED) {
            return;
        }
        requireStatus(DepositStatus.PAID_IN_FULL, "only a fully paid deposit of a winner is converted");
        apply(new DepositConvertedEvent(depositId, code, amountDue, policyVersion));
    }

    /** The applicant's choice, before the results, to keep the deposit for a later round should they not win. */
    void chooseCarryOver(RoundId nextRound) {
        requireStatus(DepositStatus.PAID_IN_FULL, "a carry-over is chosen for a fully paid deposit before the results");
        requireLaterRoundOfSameType(nextRound);
        apply(new DepositCarryOverChosenEvent(depositId, code, nextRound, policyVersion));
    }

    /** The round the applicant chose to carry the deposit over to, if they did. */
    RoundId carryOverChoice() {
        return carryOverChoice;
    }

    /** A non-winning deposit is kept for the next round of the same type; returns the payments it carries. */
    List<RefundLine> carryOver(RoundId nextRound) {
        requireStatus(DepositStatus.PAID_IN_FULL, "only a fully paid deposit is carried over");
        requireLaterRoundOfSameType(nextRound);
        List<RefundLine> carried = List.copyOf(payments.values());
        apply(new DepositCarriedOverEvent(depositId, code, nextRound, amountDue, policyVersion));
        return carried;
    }

    private void requireLaterRoundOfSameType(RoundId nextRound) {
        if (nextRound.quotaType() != roundId.quotaType() || nextRound.compareTo(roundId) <= 0) {
            throw new DomainException(ErrorCode.ROUND_TYPE_MISMATCH, "nextRoundId",
                    "a deposit is carried over to a later round of the same quota type than " + roundId);
        }
    }

    @DeadlineHandler(deadlineName = REFUND_OVERDUE, payloadType = Void.class)
    void refundOverdue() {
        if (status == DepositStatus.REFUND_SCHEDULED) {
            MoneyFen outstanding = refundsOutstanding.values().stream().map(RefundLine::amount)
                    .reduce(MoneyFen.ZERO, MoneyFen::plus);
            apply(new DepositRefundOverdueEvent(depositId, code, outstanding, dueDateOfRefund, policyVersion));
        }
    }

    DepositStatus status() {
        return status;
    }

    private boolean isClosed() {
        return status == DepositStatus.REFUNDED || status == DepositStatus.CONVERTED
                || status == DepositStatus.CARRIED_OVER || status == DepositStatus.CANCELLED;
    }

    private void requireOpen() {
        if (status == DepositStatus.REFUND_SCHEDULED || isClosed()) {
            throw new DomainException(ErrorCode.DEPOSIT_CLOSED, "depositId",
                    "deposit " + depositId + " is " + status + "; no payment is taken");
        }
    }

    private void requireStatus(DepositStatus required, String rule) {
        if (status != required) {
            throw new DomainException(ErrorCode.DEPOSIT_NOT_REFUNDABLE, "depositId",
                    rule + "; deposit " + depositId + " is " + status);
        }
    }

    @EventSourcingHandler
    void on(DepositRequestedEvent event) {
        depositId = event.depositId();
        code = event.code();
        roundId = event.roundId();
        amountDue = event.amountDue();
        paid = MoneyFen.ZERO;
        status = DepositStatus.AWAITING_PAYMENT;
        policyVersion = event.policyVersion();
        payments = new LinkedHashMap<>();
        refundsOutstanding = new LinkedHashMap<>();
    }

    @EventSourcingHandler
    void on(DepositInstalmentPaidEvent event) {
        paid = event.paidTotal();
        payments.put(event.paymentReference(), new RefundLine(event.paymentReference(), event.amount(), event.route()));
        status = DepositStatus.PARTLY_PAID;
    }

    @EventSourcingHandler
    void on(DepositPaidInFullEvent event) {
        status = DepositStatus.PAID_IN_FULL;
    }

    @EventSourcingHandler
    void on(DepositRefundScheduledEvent event) {
        status = DepositStatus.REFUND_SCHEDULED;
        dueDateOfRefund = event.dueDate();
        event.refunds().forEach(line -> refundsOutstanding.put(line.paymentReference(), line));
    }

    @EventSourcingHandler
    void on(DepositRefundLinePaidEvent event) {
        refundsOutstanding.remove(event.paymentReference());
    }

    @EventSourcingHandler
    void on(DepositRefundedEvent event) {
        status = DepositStatus.REFUNDED;
    }

    @EventSourcingHandler
    void on(DepositConvertedEvent event) {
        status = DepositStatus.CONVERTED;
    }

    @EventSourcingHandler
    void on(DepositCarryOverChosenEvent event) {
        carryOverChoice = event.nextRound();
    }

    @EventSourcingHandler
    void on(DepositCarriedOverEvent event) {
        status = DepositStatus.CARRIED_OVER;
    }

    @EventSourcingHandler
    void on(DepositCancelledEvent event) {
        status = DepositStatus.CANCELLED;
    }

}
