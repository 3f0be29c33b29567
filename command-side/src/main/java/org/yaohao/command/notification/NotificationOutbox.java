package org.yaohao.command.notification;

import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The notifications waiting to be delivered, and each application's recipient, in the application's database
 * (tables of {@code notification-schema.sql}, created if missing). Writes join the caller's transaction: the outbox
 * row commits or rolls back with the event that caused it. A notification id already in the outbox is not added twice.
 */
class NotificationOutbox {

    static final String SCHEMA = "notification-schema.sql";

    /** An application's phone, and whether the applicant uses the app (they then get pushes too). */
    record Recipient(String phone, boolean app) {
    }

    /** A row of the outbox not yet delivered. */
    record Pending(Notification notification, int attempts) {
    }

    private final JdbcClient jdbc;

    private NotificationOutbox(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    static NotificationOutbox in(DataSource dataSource) {
        new ResourceDatabasePopulator(new ClassPathResource(SCHEMA)).execute(dataSource);
        return new NotificationOutbox(dataSource);
    }

    void remember(String code, Recipient recipient) {
        // standard MERGE: H2 and PostgreSQL 15+ both read it
        jdbc.sql("MERGE INTO notification_recipient r USING (VALUES (CAST(? AS VARCHAR(13)), CAST(? AS VARCHAR(20)), "
                        + "CAST(? AS BOOLEAN))) AS s (code, phone, app) ON r.code = s.code "
                        + "WHEN MATCHED THEN UPDATE SET phone = s.phone, app = s.app "
                        + "WHEN NOT MATCHED THEN INSERT (code, phone, app) VALUES (s.code, s.phone, s.app)")
                .params(code, recipient.phone(), recipient.app()).update();
    }

    Optional<Recipient> recipient(String code) {
        return jdbc.sql("SELECT phone, app FROM notification_recipient WHERE code = ?").param(code)
                .query((rs, row) -> new Recipient(rs.getString("phone"), rs.getBoolean("app"))).optional();
    }

    /** Adds the notification, to go now, unless one with its id is there already (a redelivered cause). */
    void add(Notification notification, String code, Instant now) {
        add(notification, code, now, now);
    }

    /** Adds the notification, to go at {@code dueAt} at the earliest, unless one with its id is there already. */
    void add(Notification notification, String code, Instant now, Instant dueAt) {
        add(notification, code, now, dueAt, null);
    }

    /**
     * Adds the notification, to go at {@code dueAt} at the earliest, about {@code subject} (null: nothing that can
     * be withdrawn), unless one with its id is there already.
     */
    void add(Notification notification, String code, Instant now, Instant dueAt, String subject) {
        try {
            jdbc.sql("INSERT INTO notification_outbox (id, channel, phone, code, topic, text, created_at, "
                            + "next_attempt_at, subject) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? FROM (VALUES (1)) AS one (x) "
                            + "WHERE NOT EXISTS (SELECT 1 FROM notification_outbox WHERE id = ?)")
                    .params(notification.id(), notification.channel().name(), notification.phone(), code,
                            notification.topic(), notification.text(), now.atOffset(ZoneOffset.UTC),
                            dueAt.atOffset(ZoneOffset.UTC), subject, notification.id())
                    .update();
        } catch (DuplicateKeyException alreadyThere) {
            // the same cause, handled concurrently: one row
        }
    }

    /**
     * Withdraws the notifications of {@code topic} about {@code subject} not yet delivered (one already delivered
     * stays, as the record of what was sent).
     *
     * @return how many were withdrawn
     */
    int withdraw(String topic, String subject) {
        return jdbc.sql("DELETE FROM notification_outbox WHERE topic = ? AND subject = ? AND delivered_at IS NULL")
                .params(topic, subject).update();
    }

    /** Undelivered notifications whose next attempt is due, oldest first. */
    List<Pending> due(Instant now, int limit) {
        return jdbc.sql("SELECT id, channel, phone, topic, text, attempts FROM notification_outbox "
                        + "WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY created_at, id LIMIT ?")
                .params(now.atOffset(ZoneOffset.UTC), limit)
                .query((rs, row) -> new Pending(new Notification(rs.getString("id"),
                        NotificationChannel.valueOf(rs.getString("channel")), rs.getString("phone"),
                        rs.getString("topic"), rs.getString("text")), rs.getInt("attempts")))
                .list();
    }

    void delivered(String id, int attempts, Instant at) {
        jdbc.sql("UPDATE notification_outbox SET delivered_at = ?, attempts = ?, last_error = NULL WHERE id = ?")
                .params(at.atOffset(ZoneOffset.UTC), attempts, id).update();
    }

    void failed(String id, int attempts, Instant nextAttemptAt, String error) {
        jdbc.sql("UPDATE notification_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(attempts, nextAttemptAt.atOffset(ZoneOffset.UTC),
                        error.length() > 200 ? error.substring(0, 200) : error, id).update();
    }

    /** How many notifications are waiting (for tests and operators). */
    long undelivered() {
        return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE delivered_at IS NULL").query(Long.class)
                .single();
    }
}
