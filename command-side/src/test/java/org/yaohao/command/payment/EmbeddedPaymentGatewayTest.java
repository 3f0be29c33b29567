package org.yaohao.command.payment;

import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.ErrorDetails;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.deposit.ConfirmDepositRefundCommand;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.PaymentRoute;
import org.yaohao.kernel.deposit.RecordDepositPaymentCommand;
import org.yaohao.kernel.deposit.RefundLine;
import org.yaohao.kernel.quota.ExtensionRequest;
import org.yaohao.kernel.quota.PayQuotaExtensionFeeCommand;
import org.yaohao.kernel.quota.QuotaId;
import org.yaohao.kernel.round.RoundId;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** The embedded gateway against a real H2 database: its ledger, its reports, and its transaction. */
class EmbeddedPaymentGatewayTest {

    private static final DepositId DEPOSIT = PaymentCallbacksTest.DEPOSIT;
    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final String CARD = "6222020200112233445";
    private static final String MASKED_CARD = "6222***********3445";

    private final SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
            "jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final PaymentLedger ledger = PaymentLedger.in(dataSource);
    private final RecordingCommandGateway commands = new RecordingCommandGateway();
    private final DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    private final EmbeddedPaymentGateway gateway = new EmbeddedPaymentGateway(ledger, transactions,
            new PaymentCallbacks(commands),
            Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));

    @Test
    void settlesAPaymentAtOnceAndReportsItWithTheMaskedRoute() {
        PaymentOrder order = gateway.requestPayment(DEPOSIT, MoneyFen.ofFen(66_667), "BANK_CARD", CARD);

        assertThat(order.paymentReference()).startsWith("PAY-");
        assertThat(order.status()).isEqualTo("SETTLED");
        assertThat(order.payerRedirectUrl()).isNull();
        assertThat(commands.payloads()).containsExactly(new RecordDepositPaymentCommand(DEPOSIT,
                order.paymentReference(), MoneyFen.ofFen(66_667), new PaymentRoute("BANK_CARD", MASKED_CARD), NOW));
    }

    @Test
    void keepsThePaymentInItsLedgerWithTheAccountMasked() {
        PaymentOrder order = gateway.requestPayment(DEPOSIT, MoneyFen.ofFen(66_667), "BANK_CARD", CARD);

        List<LedgerEntry> lines = PaymentLedger.in(dataSource).ofDeposit(DEPOSIT); // a second look: table kept
        assertThat(lines).containsExactly(new LedgerEntry(LedgerEntry.Kind.PAYMENT, order.paymentReference(),
                DEPOSIT.value(), order.paymentReference(), 66_667, "BANK_CARD", MASKED_CARD, NOW));
        assertThat(lines.toString()).doesNotContain(CARD);
    }

    @Test
    void writesThePaymentInTheTransactionThatReportsIt() {
        commands.whileHandling((command, n) -> {
            assertThat(ledger.ofDeposit(DEPOSIT)).hasSize(1); // the same transaction sees its own line
            return null;
        });

        gateway.requestPayment(DEPOSIT, MoneyFen.ofFen(100), "ALIPAY", "13800000000");

        assertThat(commands.sent).hasSize(1);
    }

    @Test
    void keepsNoLineOfAPaymentTheDepositRefuses() {
        commands.refuseWith(ErrorCode.PAYMENT_EXCEEDS_AMOUNT_DUE, "amountFen");

        CommandExecutionException refusal = catchThrowableOfType(CommandExecutionException.class,
                () -> gateway.requestPayment(DEPOSIT, MoneyFen.ofFen(300_000), "BANK_CARD", CARD));

        assertThat(refusal.getDetails()).get().extracting(d -> ((ErrorDetails) d).code())
                .isEqualTo(ErrorCode.PAYMENT_EXCEEDS_AMOUNT_DUE);
        assertThat(ledger.ofDeposit(DEPOSIT)).isEmpty();
    }

    @Test
    void collectsAnExtensionFeeAndReportsItToTheQuota() {
        QuotaId quota = QuotaId.of(RoundId.of("2023-ORD-02"), DEPOSIT.applicationCode().value() + "-12");
        ExtensionRequest request = new ExtensionRequest(quota, 1, MoneyFen.ofYuan(300), NOW.plusSeconds(86_400));

        PaymentOrder order = gateway.requestExtensionFee(request, "BANK_CARD", CARD);

        assertThat(order.status()).isEqualTo("SETTLED");
        assertThat(commands.payloads()).containsExactly(new PayQuotaExtensionFeeCommand(quota, 1,
                order.paymentReference(), MoneyFen.ofFen(30_000), NOW));
        assertThat(feeLines(quota)).isEqualTo(1);
    }

    @Test
    void keepsNoLineOfAFeeTheQuotaRefuses() {
        QuotaId quota = QuotaId.of(RoundId.of("2023-ORD-02"), DEPOSIT.applicationCode().value());
        commands.refuseWith(ErrorCode.EXTENSION_NOT_PENDING, "extension");

        catchThrowableOfType(CommandExecutionException.class, () -> gateway.requestExtensionFee(
                new ExtensionRequest(quota, 1, MoneyFen.ofYuan(300), NOW), "BANK_CARD", CARD));

        assertThat(feeLines(quota)).isZero();
    }

    private long feeLines(QuotaId quota) {
        return org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("SELECT COUNT(*) FROM payment_ledger WHERE deposit_id = ? AND kind = 'PAYMENT'")
                .param(quota.value()).query(Long.class).single();
    }

    @Test
    void paysARefundBackByTheOriginalRouteAndConfirmsIt() {
        PaymentOrder order = gateway.requestPayment(DEPOSIT, MoneyFen.ofFen(200_000), "WECHAT_PAY", "wx12345678");
        commands.sent.clear();

        gateway.requestPayout(DEPOSIT, new RefundLine(order.paymentReference(), MoneyFen.ofFen(200_000),
                new PaymentRoute("WECHAT_PAY", "wx12**5678")));

        LedgerEntry payout = ledger.payoutOf(order.paymentReference()).orElseThrow();
        assertThat(payout.reference()).startsWith("OUT-");
        assertThat(payout).extracting(LedgerEntry::depositId, LedgerEntry::amountFen, LedgerEntry::method,
                        LedgerEntry::maskedAccount, LedgerEntry::at)
                .containsExactly(DEPOSIT.value(), 200_000L, "WECHAT_PAY", "wx12**5678", NOW);
        assertThat(commands.payloads()).containsExactly(new ConfirmDepositRefundCommand(DEPOSIT,
                order.paymentReference(), payout.reference(), NOW));
        assertThat(ledger.ofDeposit(DEPOSIT)).extracting(LedgerEntry::kind, LedgerEntry::amountFen)
                .containsExactly(tuple(LedgerEntry.Kind.PAYMENT, 200_000L), tuple(LedgerEntry.Kind.PAYOUT, 200_000L));
    }

    @Test
    void paysOnePaymentOutOnlyOnce() {
        PaymentOrder order = gateway.requestPayment(DEPOSIT, MoneyFen.ofFen(66_667), "BANK_CARD", CARD);
        RefundLine refund = new RefundLine(order.paymentReference(), MoneyFen.ofFen(66_667),
                new PaymentRoute("BANK_CARD", MASKED_CARD));
        gateway.requestPayout(DEPOSIT, refund);
        LedgerEntry payout = ledger.payoutOf(order.paymentReference()).orElseThrow();
        commands.sent.clear();

        gateway.requestPayout(DEPOSIT, refund);

        assertThat(ledger.ofDeposit(DEPOSIT)).filteredOn(l -> l.kind() == LedgerEntry.Kind.PAYOUT)
                .containsExactly(payout);
        // the one payout is reported again, so a caller that lost the first confirmation heals by asking again
        assertThat(commands.payloads()).containsExactly(new ConfirmDepositRefundCommand(DEPOSIT,
                order.paymentReference(), payout.reference(), NOW));
    }

    @Test
    void leavesTheCallersTransactionUsableWhenTheDepositRefuses() {
        PaymentOrder order = gateway.requestPayment(DEPOSIT, MoneyFen.ofFen(66_667), "BANK_CARD", CARD);
        commands.refuseWith(ErrorCode.REFUND_NOT_SCHEDULED, null);
        RefundLine refund = new RefundLine(order.paymentReference(), MoneyFen.ofFen(66_667),
                new PaymentRoute("BANK_CARD", MASKED_CARD));

        // as the refund process does: catch the refusal inside its own transaction and ask again later
        new TransactionTemplate(transactions).executeWithoutResult(status -> assertThatThrownBy(
                () -> gateway.requestPayout(DEPOSIT, refund)).isInstanceOf(CommandExecutionException.class));

        assertThat(ledger.payoutOf(order.paymentReference())).isEmpty();
    }

    @Test
    void theLedgerItselfRefusesASecondPayoutOfOnePayment() {
        PaymentOrder order = gateway.requestPayment(DEPOSIT, MoneyFen.ofFen(66_667), "BANK_CARD", CARD);
        LedgerEntry payout = new LedgerEntry(LedgerEntry.Kind.PAYOUT, "OUT-a", DEPOSIT.value(),
                order.paymentReference(), 66_667, "BANK_CARD", MASKED_CARD, NOW);
        ledger.record(payout);

        assertThatThrownBy(() -> ledger.record(new LedgerEntry(LedgerEntry.Kind.PAYOUT, "OUT-b", DEPOSIT.value(),
                order.paymentReference(), 66_667, "BANK_CARD", MASKED_CARD, NOW)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void keepsNoLineOfAPayoutTheDepositRefuses() {
        PaymentOrder order = gateway.requestPayment(DEPOSIT, MoneyFen.ofFen(66_667), "BANK_CARD", CARD);
        commands.refuseWith(ErrorCode.REFUND_NOT_SCHEDULED, null);

        assertThatThrownBy(() -> gateway.requestPayout(DEPOSIT, new RefundLine(order.paymentReference(),
                MoneyFen.ofFen(66_667), new PaymentRoute("BANK_CARD", MASKED_CARD))))
                .isInstanceOf(CommandExecutionException.class);

        assertThat(ledger.payoutOf(order.paymentReference())).isEmpty();
    }

    @Test
    void paysBackAPaymentReportedByAnotherGatewayByTheRouteTheDepositRecorded() {
        gateway.requestPayout(DEPOSIT, new RefundLine("GW-elsewhere", MoneyFen.ofFen(66_666),
                new PaymentRoute("ALIPAY", "138****8000")));

        assertThat(ledger.payoutOf("GW-elsewhere")).hasValueSatisfying(payout -> {
            assertThat(payout.amountFen()).isEqualTo(66_666);
            assertThat(payout.method()).isEqualTo("ALIPAY");
            assertThat(payout.maskedAccount()).isEqualTo("138****8000");
        });
        assertThat(commands.sent).hasSize(1);
    }

    @Test
    void refusesAPayoutOfMoreThanWasPaid() {
        PaymentOrder order = gateway.requestPayment(DEPOSIT, MoneyFen.ofFen(66_667), "BANK_CARD", CARD);

        assertThatThrownBy(() -> gateway.requestPayout(DEPOSIT, new RefundLine(order.paymentReference(),
                MoneyFen.ofFen(66_668), new PaymentRoute("BANK_CARD", MASKED_CARD))))
                .isInstanceOf(PaymentGatewayException.class);
        assertThat(ledger.payoutOf(order.paymentReference())).isEmpty();
    }
}
