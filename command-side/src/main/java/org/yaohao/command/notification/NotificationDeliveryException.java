package org.yaohao.command.notification;

/** A notification could not be delivered now; the outbox retries it. The message never holds a phone or a text. */
public class NotificationDeliveryException extends RuntimeException {

    public NotificationDeliveryException(String message) {
        super(message);
    }

    public NotificationDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
