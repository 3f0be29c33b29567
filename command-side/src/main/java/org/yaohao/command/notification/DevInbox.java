package org.yaohao.command.notification;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The embedded notification adapter ({@code yaohao.notification.mode=embedded}): instead of a phone, an inbox per
 * phone number in the application's database, readable at {@code GET /api/dev/inbox/{phone}}. A notification id
 * already in the inbox is not delivered again.
 */
class DevInbox implements NotificationPort {

    record Message(String id, String channel, String topic, String text, OffsetDateTime receivedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DevInbox(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    @Override
    public void deliver(Notification notification) {
        try {
            jdbc.sql("INSERT INTO dev_inbox (id, channel, phone, topic, text, received_at) SELECT ?, ?, ?, ?, ?, ? "
                            + "FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS (SELECT 1 FROM dev_inbox WHERE id = ?)")
                    .params(notification.id(), notification.channel().name(), notification.phone(),
                            notification.topic(), notification.text(), clock.instant().atOffset(ZoneOffset.UTC),
                            notification.id())
                    .update();
        } catch (DuplicateKeyException alreadyDelivered) {
            // a concurrent delivery of the same notification won: it is in the inbox once
        }
    }

    /** The messages sent to this phone, oldest first. */
    List<Message> messagesTo(String phone) {
        return jdbc.sql("SELECT id, channel, topic, text, received_at FROM dev_inbox WHERE phone = ? "
                        + "ORDER BY received_at, id")
                .param(phone)
                .query((rs, row) -> new Message(rs.getString("id"), rs.getString("channel"), rs.getString("topic"),
                        rs.getString("text"), rs.getObject("received_at", OffsetDateTime.class)))
                .list();
    }
}
