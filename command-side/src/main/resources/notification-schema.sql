-- Notifications (SMS and app push). The outbox is written in the same transaction as the event that causes a
-- notification; its id names the cause (event id and channel), so one cause gives one notification. The recipients
-- table holds each application's phone and channel, written in the same way when the application is submitted.
-- dev_inbox is the embedded adapter's inbox (yaohao.notification.mode=embedded), keyed by the notification id, so a
-- redelivery after a crash is not a second message.
CREATE TABLE IF NOT EXISTS notification_recipient (
    code    VARCHAR(13) PRIMARY KEY,
    phone   VARCHAR(20) NOT NULL,
    app     BOOLEAN     NOT NULL
);
CREATE TABLE IF NOT EXISTS notification_outbox (
    id              VARCHAR(80) PRIMARY KEY,
    channel         VARCHAR(8)   NOT NULL CHECK (channel IN ('SMS', 'APP_PUSH')),
    phone           VARCHAR(20)  NOT NULL,
    code            VARCHAR(13)  NOT NULL,
    topic           VARCHAR(32)  NOT NULL,
    text            VARCHAR(500) NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP(6) WITH TIME ZONE,
    last_error      VARCHAR(200)
);
-- what a notification held for later is about (a quota's expiry reminder: the quota id), so it can be withdrawn when it
-- no longer applies; added to outboxes created before it
ALTER TABLE notification_outbox ADD COLUMN IF NOT EXISTS subject VARCHAR(64);
CREATE INDEX IF NOT EXISTS notification_outbox_due ON notification_outbox (delivered_at, next_attempt_at);
CREATE TABLE IF NOT EXISTS dev_inbox (
    id           VARCHAR(80) PRIMARY KEY,
    channel      VARCHAR(8)   NOT NULL,
    phone        VARCHAR(20)  NOT NULL,
    topic        VARCHAR(32)  NOT NULL,
    text         VARCHAR(500) NOT NULL,
    received_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS dev_inbox_phone ON dev_inbox (phone, received_at);
