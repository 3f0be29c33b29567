package org.yaohao.command.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.PaymentRoute;
import org.yaohao.kernel.deposit.RefundLine;
import org.yaohao.kernel.quota.ExtensionRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The embedded gateway ({@code yaohao.payment.mode=embedded}, the default): settles at once and keeps its own
 * {@link PaymentLedger}, so a user can watch money move ({@code GET /api/payments/ledger?depositId=…}).
 * <ul>
 *   <li>A payment (of a deposit, or of a quota extension's fee) writes a {@code PAYMENT} line ({@code PAY-<uuid>}, account masked by {@link AccountMask}) and
 *       reports it through {@link PaymentCallbacks#paymentReceived} in one transaction: if the deposit refuses the
 *       payment (e.g. more than is due), the line is rolled back and the refusal reaches the caller, so a refused
 *       payment moves no money.</li>
 *   <li>A payout writes a {@code PAYOUT} line ({@code OUT-<uuid>}) by the payment's original route, as the ledger
 *       recorded it, and reports it through {@link PaymentCallbacks#payoutConfirmed}, again in one transaction. A
 *       payment already paid out is not paid again: its existing payout is reported again instead (the deposit
 *       applies a confirmation once), so a caller whose own transaction was lost after the payout heals by
 *       asking again.</li>
 * </ul>
 * The gateway's transaction is its own ({@code REQUIRES_NEW}): a refusal rolls back the ledger line without
 * marking a caller's transaction (e.g. the refund process's) rollback-only. Both report synchronously, so a payout
 * should be requested from a process (a saga, a tracking handler), not from inside the deposit's command handling.
 */
class EmbeddedPaymentGateway implements PaymentPort {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPaymentGateway.class);

    private final PaymentLedger ledger;
    private final TransactionTemplate transaction;
    private final PaymentCallbacks callbacks;
    private final Clock clock;

    EmbeddedPaymentGateway(PaymentLedger ledger, PlatformTransactionManager transactionManager,
                           PaymentCallbacks callbacks, Clock clock) {
        this.ledger = ledger;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @Override
    public PaymentOrder requestPayment(DepositId depositId, MoneyFen amount, String method, String account) {
        Objects.requireNonNull(depositId, "depositId");
        return collect(depositId.value(), "deposit " + depositId, amount, method, account,
                (reference, route, at) -> callbacks.paymentReceived(reference, depositId, amount, route, at));
    }

    @Override
    public PaymentOrder requestExtensionFee(ExtensionRequest request, String method, String account) {
        Objects.requireNonNull(request, "request");
        return collect(request.quotaId().value(), "extension " + request.extension() + " of quota "
                        + request.quotaId(), request.fee(), method, account,
                (reference, route, at) -> callbacks.extensionFeeReceived(reference, request.quotaId(),
                        request.extension(), request.fee(), at));
    }

    /** How the money received is reported: to the deposit, or to the quota whose fee it is. */
    private interface Report {
        void received(String reference, PaymentRoute route, Instant at);
    }

    /** Writes the {@code PAYMENT} line and reports it in one transaction: a refusal rolls the line back. */
    private PaymentOrder collect(String forWhat, String subject, MoneyFen amount, String method, String account,
                                 Report report) {
        if (amount == null || amount.fen() <= 0) {
            throw new IllegalArgumentException("a payment is a positive amount of fen");
        }
        PaymentMethod.valueOf(Objects.requireNonNull(method, "method"));
        if (account == null || !account.matches(PaymentFields.ACCOUNT)) {
            throw new IllegalArgumentException("an account has 4 to 34 letters and digits");
        }
        String reference = "PAY-" + UUID.randomUUID();
        PaymentRoute route = new PaymentRoute(method, AccountMask.of(account));
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            ledger.record(new LedgerEntry(LedgerEntry.Kind.PAYMENT, reference, forWhat, reference,
                    amount.fen(), route.method(), route.maskedAccount(), now));
            report.received(reference, route, now);
        });
        log.info("Embedded gateway: payment {} of {} for {} by {} {}", reference, amount, subject,
                route.method(), route.maskedAccount());
        return new PaymentOrder(reference, "SETTLED", null);
    }

    @Override
    public void requestPayout(DepositId depositId, RefundLine refund) {
        String paymentReference = refund.paymentReference();
        // a payment reported by another gateway's callback is not in this ledger: it goes back by the route the
        // deposit recorded for it
        LedgerEntry payment = ledger.payment(paymentReference)
                .filter(p -> p.depositId().equals(depositId.value()))
                .orElseGet(() -> new LedgerEntry(LedgerEntry.Kind.PAYMENT, paymentReference, depositId.value(),
                        null, refund.amount().fen(), refund.route().method(), refund.route().maskedAccount(), null));
        if (refund.amount().fen() <= 0 || refund.amount().fen() > payment.amountFen()) {
            throw new PaymentGatewayException("embedded gateway: a payout of payment " + paymentReference
                    + " is more than nothing and at most the " + payment.amountFen() + " fen paid");
        }
        LedgerEntry paidOut = ledger.payoutOf(paymentReference).orElse(null);
        if (paidOut != null) {
            log.info("Embedded gateway: payment {} of deposit {} was already paid out as {}; reporting it again",
                    paymentReference, depositId, paidOut.reference());
            callbacks.payoutConfirmed(depositId, paymentReference, paidOut.reference(), paidOut.at());
            return;
        }
        String reference = "OUT-" + UUID.randomUUID();
        Instant now = clock.instant();
        try {
            transaction.executeWithoutResult(status -> {
                ledger.record(new LedgerEntry(LedgerEntry.Kind.PAYOUT, reference, depositId.value(),
                        paymentReference, refund.amount().fen(), payment.method(), payment.maskedAccount(), now));
                callbacks.payoutConfirmed(depositId, paymentReference, reference, now);
            });
        } catch (DuplicateKeyException e) {
            log.info("Embedded gateway: payment {} of deposit {} was paid out concurrently; not paying again",
                    paymentReference, depositId);
            return;
        }
        log.info("Embedded gateway: payout {} of {} for deposit {} returns payment {} to {} {}", reference,
                refund.amount(), depositId, paymentReference, payment.method(), payment.maskedAccount());
    }
}
