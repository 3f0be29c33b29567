package org.yaohao.command.payment;

import org.junit.jupiter.api.Test;
import org.yaohao.kernel.common.MessageMetadata;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.deposit.ConfirmDepositRefundCommand;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.PaymentRoute;
import org.yaohao.kernel.deposit.RecordDepositPaymentCommand;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A gateway's report becomes the deposit's command, sent by the system. */
class PaymentCallbacksTest {

    static final DepositId DEPOSIT = DepositId.of("2643806522199-2023-ORD-02");
    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

    private final RecordingCommandGateway commands = new RecordingCommandGateway();
    private final PaymentCallbacks callbacks = new PaymentCallbacks(commands);

    @Test
    void recordsAReceivedPaymentAsTheSystem() {
        PaymentRoute route = new PaymentRoute("BANK_CARD", "6222****1234");

        callbacks.paymentReceived("PAY-1", DEPOSIT, MoneyFen.ofFen(66_667), route, AT);

        assertThat(commands.payloads()).containsExactly(
                new RecordDepositPaymentCommand(DEPOSIT, "PAY-1", MoneyFen.ofFen(66_667), route, AT));
        assertThat(commands.sent.get(0).getMetaData())
                .containsEntry(MessageMetadata.CHANNEL, "SYSTEM")
                .containsEntry(MessageMetadata.ACTING_USER, "system:payment-gateway");
    }

    @Test
    void confirmsAPayoutAsTheSystem() {
        callbacks.payoutConfirmed(DEPOSIT, "PAY-1", "OUT-1", AT);

        assertThat(commands.payloads()).containsExactly(new ConfirmDepositRefundCommand(DEPOSIT, "PAY-1", "OUT-1", AT));
        assertThat(commands.sent.get(0).getMetaData())
                .containsEntry(MessageMetadata.CHANNEL, "SYSTEM")
                .containsEntry(MessageMetadata.ACTING_USER, "system:payment-gateway");
    }
}
