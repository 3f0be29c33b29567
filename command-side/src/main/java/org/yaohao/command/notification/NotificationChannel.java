package org.yaohao.command.notification;

/** How a notification reaches the applicant: a text message, or a push to the Yaohao app. */
public enum NotificationChannel {
    SMS,
    APP_PUSH
}
