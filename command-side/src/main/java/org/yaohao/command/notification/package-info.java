/**
 * Notifications to applicants by SMS and app push (the guide: results "by SMS push and by app notification"): an
 * outbox written with the causing event, delivered with retries, at most once per cause, through a
 * {@link org.yaohao.command.notification.NotificationPort} (the embedded dev inbox, or an HTTP gateway).
 */
package org.yaohao.command.notification;
