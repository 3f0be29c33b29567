package org.yaohao.command.payment;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.common.Channel;
import org.yaohao.kernel.common.MessageMetadata;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.deposit.ConfirmDepositRefundCommand;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.PaymentRoute;
import org.yaohao.kernel.deposit.RecordDepositPaymentCommand;
import org.yaohao.kernel.quota.PayQuotaExtensionFeeCommand;
import org.yaohao.kernel.quota.QuotaId;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one place where a gateway's report becomes a command on the deposit, whether it came over HTTP ({@link
 * PaymentCallbackController}) or from the {@link EmbeddedPaymentGateway}. Both commands are sent as the system
 * ({@code channel=SYSTEM}, {@code actingUser=system:payment-gateway}) and waited for, so a refusal (a
 * {@code CommandExecutionException} carrying the {@code ErrorDetails}) reaches the caller. The deposit applies a
 * payment reference only once, so a report delivered twice is harmless.
 */
@Component
public class PaymentCallbacks {

    /** Who acts when the gateway reports. */
    public static final String ACTING_USER = "system:payment-gateway";

    private static final MetaData SYSTEM = MetaData.from(Map.of(
            MessageMetadata.CHANNEL, Channel.SYSTEM.name(),
            MessageMetadata.ACTING_USER, ACTING_USER));
    private static final long TIMEOUT_SECONDS = 30;

    private final CommandGateway commands;

    public PaymentCallbacks(CommandGateway commands) {
        this.commands = commands;
    }

    /** The gateway received {@code amount} for the deposit by {@code route}. */
    public void paymentReceived(String paymentReference, DepositId depositId, MoneyFen amount, PaymentRoute route,
                                Instant paidAt) {
        commands.sendAndWait(new RecordDepositPaymentCommand(depositId, paymentReference, amount, route, paidAt),
                SYSTEM, TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The gateway received {@code amount} as the fee of extension number {@code extension} of the quota. */
    public void extensionFeeReceived(String paymentReference, QuotaId quotaId, int extension, MoneyFen amount,
                                     Instant paidAt) {
        commands.sendAndWait(new PayQuotaExtensionFeeCommand(quotaId, extension, paymentReference, amount, paidAt),
                SYSTEM, TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The gateway paid payment {@code paymentReference} back by its original route, as {@code payoutReference}. */
    public void payoutConfirmed(DepositId depositId, String paymentReference, String payoutReference, Instant at) {
        commands.sendAndWait(new ConfirmDepositRefundCommand(depositId, paymentReference, payoutReference, at),
                SYSTEM, TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
