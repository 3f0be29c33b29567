package org.yaohao.command.notification;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.ApplicantSignedInEvent;
import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.ApplicationRejectedEvent;
import org.yaohao.kernel.application.ApplicationSentToManualReviewEvent;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.RoundOutcomeRecordedEvent;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.Channel;
import org.yaohao.kernel.common.MessageMetadata;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.deposit.DepositInstalmentPaidEvent;
import org.yaohao.kernel.deposit.DepositRefundedEvent;
import org.yaohao.kernel.quota.QuotaExpiredEvent;
import org.yaohao.kernel.quota.QuotaExtendedEvent;
import org.yaohao.kernel.quota.QuotaId;
import org.yaohao.kernel.quota.QuotaIssuedEvent;
import org.yaohao.kernel.quota.QuotaRevokedEvent;
import org.yaohao.kernel.quota.QuotaUsedEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Writes the notifications the guide promises into the outbox, in the unit of work (and database transaction) of the
 * event that causes them: a subscribing processor, so the outbox row and the event commit together or not at all,
 * and a failure here fails the command. One notification per cause and channel: its id is the event's id and the
 * channel. Sent on: pre-qualification result, payment received, draw result, refund made, sign-in from a new device,
 * and 30 days before an issued quota's last valid day (held in the outbox until then; moved by an extension,
 * withdrawn when the quota is used, revoked or expires first).
 * SMS always; an app push too when the application came through the app.
 */
@Component
@ProcessingGroup(NotificationOutboxWriter.PROCESSING_GROUP)
class NotificationOutboxWriter {

    static final String PROCESSING_GROUP = "notification-outbox";

    private final NotificationOutbox outbox;
    private final Clock clock;

    NotificationOutboxWriter(NotificationOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventHandler
    void on(ApplicationSubmittedEvent event, @MetaDataValue(MessageMetadata.CHANNEL) String channel) {
        if (event.kind() != ApplicantKind.ENTERPRISE && event.applicant() != null
                && event.applicant().phone() != null) {
            outbox.remember(event.code().value(), new NotificationOutbox.Recipient(event.applicant().phone(),
                    Channel.APP.name().equals(channel)));
        }
    }

    @EventHandler
    void on(ApplicationPrequalifiedEvent event, EventMessage<?> message) {
        notify(message, event.code(), "PREQUALIFICATION_RESULT", "Yaohao: application " + event.code()
                + " passed pre-qualification; its code is valid for the rounds of its quota type.");
    }

    @EventHandler
    void on(ApplicationRejectedEvent event, EventMessage<?> message) {
        notify(message, event.code(), "PREQUALIFICATION_RESULT", "Yaohao: application " + event.code()
                + " did not pass pre-qualification (" + event.failedChecks().size()
                + " check(s) failed); see the reasons when you look it up.");
    }

    @EventHandler
    void on(ApplicationSentToManualReviewEvent event, EventMessage<?> message) {
        notify(message, event.code(), "PREQUALIFICATION_RESULT", "Yaohao: application " + event.code()
                + " is under manual review: not every registry answered in time.");
    }

    @EventHandler
    void on(DepositInstalmentPaidEvent event, EventMessage<?> message) {
        notify(message, event.code(), "PAYMENT_RECEIVED", "Yaohao: we received " + yuan(event.amount())
                + " yuan for deposit " + event.depositId() + "; paid so far " + yuan(event.paidTotal()) + " yuan.");
    }

    @EventHandler
    void on(RoundOutcomeRecordedEvent event, EventMessage<?> message) {
        notify(message, event.code(), "DRAW_RESULT", "Yaohao: round " + event.roundId() + ": application "
                + event.code() + (event.won() ? " WON a quota." : " was not drawn this time."));
    }

    @EventHandler
    void on(DepositRefundedEvent event, EventMessage<?> message) {
        notify(message, event.code(), "REFUND_MADE", "Yaohao: deposit " + event.depositId() + " was refunded, "
                + yuan(event.amount()) + " yuan, by the route it was paid.");
    }

    @EventHandler
    void on(ApplicantSignedInEvent event, EventMessage<?> message) {
        if (event.newDevice()) {
            notify(message, event.code(), "NEW_DEVICE_SIGN_IN", "Yaohao: application " + event.code()
                    + " was signed in to from a new device. If this was not you, contact a service centre.");
        }
    }

    /**
     * The reminder that a quota runs out, written when it is issued and held in the outbox until
     * {@value #REMINDER_DAYS_BEFORE_EXPIRY} days before its last valid day, 09:00 Beijing time.
     */
    @EventHandler
    void on(QuotaIssuedEvent event, EventMessage<?> message) {
        remindOfExpiry(message, event.quotaId(), event.code(), event.validUntil());
    }

    /** An extension moves the reminder: the one held for the old last valid day is withdrawn, a new one written. */
    @EventHandler
    void on(QuotaExtendedEvent event, EventMessage<?> message) {
        outbox.withdraw(QUOTA_EXPIRY_REMINDER, event.quotaId().value());
        remindOfExpiry(message, event.quotaId(), event.code(), event.validUntil());
    }

    /** A quota used, revoked or expired needs no reminder: one not yet sent is withdrawn. */
    @EventHandler
    void on(QuotaUsedEvent event) {
        outbox.withdraw(QUOTA_EXPIRY_REMINDER, event.quotaId().value());
    }

    @EventHandler
    void on(QuotaRevokedEvent event) {
        outbox.withdraw(QUOTA_EXPIRY_REMINDER, event.quotaId().value());
    }

    @EventHandler
    void on(QuotaExpiredEvent event) {
        outbox.withdraw(QUOTA_EXPIRY_REMINDER, event.quotaId().value());
    }

    private void remindOfExpiry(EventMessage<?> cause, QuotaId quotaId, ApplicationCode code, LocalDate validUntil) {
        Instant dueAt = validUntil.minusDays(REMINDER_DAYS_BEFORE_EXPIRY).atTime(9, 0).atZone(BEIJING).toInstant();
        notify(cause, code, QUOTA_EXPIRY_REMINDER, "Yaohao: quota " + quotaId.value() + " of application " + code
                + " is valid until " + validUntil + "; register a car before then or it lapses.", dueAt,
                quotaId.value());
    }

    static final String QUOTA_EXPIRY_REMINDER = "QUOTA_EXPIRY_REMINDER";

    static final int REMINDER_DAYS_BEFORE_EXPIRY = 30;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private void notify(EventMessage<?> cause, ApplicationCode code, String topic, String text) {
        notify(cause, code, topic, text, clock.instant(), null);
    }

    private void notify(EventMessage<?> cause, ApplicationCode code, String topic, String text, Instant dueAt,
                        String subject) {
        Instant now = clock.instant();
        Instant when = dueAt.isBefore(now) ? now : dueAt;
        outbox.recipient(code.value()).ifPresent(recipient -> {
            outbox.add(new Notification(cause.getIdentifier() + ":" + NotificationChannel.SMS,
                    NotificationChannel.SMS, recipient.phone(), topic, text), code.value(), now, when, subject);
            if (recipient.app()) {
                outbox.add(new Notification(cause.getIdentifier() + ":" + NotificationChannel.APP_PUSH,
                        NotificationChannel.APP_PUSH, recipient.phone(), topic, text), code.value(), now, when, subject);
            }
        });
    }

    /** Fen as yuan with two decimals, in whole numbers only. */
    static String yuan(MoneyFen amount) {
        long fen = amount.fen();
        return fen / 100 + "." + String.format("%02d", fen % 100);
    }
}
