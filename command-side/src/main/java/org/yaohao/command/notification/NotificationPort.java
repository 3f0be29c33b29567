package org.yaohao.command.notification;

/**
 * Sends SMS and app pushes. Implementations deliver each {@link Notification#id()} at most once (the embedded inbox
 * keys messages by it, the HTTP gateway receives it as {@code Idempotency-Key}), so a retry after a crash between
 * sending and recording the delivery does not reach the applicant twice.
 */
public interface NotificationPort {

    /** Delivers the notification, or throws {@link NotificationDeliveryException} when it could not (retried later). */
    void deliver(Notification notification);
}
