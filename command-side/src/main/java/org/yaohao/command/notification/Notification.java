package org.yaohao.command.notification;

/**
 * One message to one applicant. {@code id} names its cause (e.g. the event id and the channel), so delivering the same
 * notification twice is recognisably the same message; adapters deliver it at most once per id.
 *
 * @param topic what it is about ({@code PREQUALIFICATION_RESULT}, {@code PAYMENT_RECEIVED}, {@code DRAW_RESULT},
 *              {@code REFUND_MADE}, {@code NEW_DEVICE_SIGN_IN}, {@code SIGN_IN_CODE}, …)
 */
public record Notification(String id, NotificationChannel channel, String phone, String topic, String text) {

    @Override
    public String toString() {
        return "Notification[" + id + ", " + channel + ", " + topic + "]"; // no phone, no text: they may be personal
    }
}
