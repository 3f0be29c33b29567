package org.yaohao.command.notification;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox and its dispatcher against a real H2 database and, for the HTTP adapter, a real HTTP server: retries with
 * back-off until the gateway takes the message, one id per cause, nothing delivered twice to the inbox.
 */
class NotificationDeliveryTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private DriverManagerDataSource dataSource;
    private NotificationOutbox outbox;
    private HttpServer gateway;
    private final List<String> keysReceived = new CopyOnWriteArrayList<>();
    private final List<String> bodiesReceived = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        outbox = NotificationOutbox.in(dataSource);
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/send", exchange -> {
            keysReceived.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            bodiesReceived.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 202;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void tearDown() {
        gateway.stop(0);
    }

    private NotificationDispatcher dispatcher(NotificationPort port) {
        return new NotificationDispatcher(outbox, port, clock, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(10));
    }

    private HttpNotificationGateway http() {
        return new HttpNotificationGateway(URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/send"),
                Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private static Notification sms(String id) {
        return new Notification(id, NotificationChannel.SMS, "13800138000", "PAYMENT_RECEIVED", "received 666.67 yuan");
    }

    @Test
    void aFailingGatewayIsRetriedWithBackOffUntilItTakesTheMessage() {
        failuresLeft.set(2);
        outbox.add(sms("evt-1:SMS"), "2643806522199", clock.instant());
        NotificationDispatcher dispatcher = dispatcher(http());

        assertThat(dispatcher.deliverDue()).isZero();             // 503
        assertThat(dispatcher.deliverDue()).isZero();             // not due again before 2 s
        clock.advance(Duration.ofSeconds(2));
        assertThat(dispatcher.deliverDue()).isZero();             // 503 again; next wait 4 s
        clock.advance(Duration.ofSeconds(3));
        assertThat(dispatcher.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.deliverDue()).isEqualTo(1);         // 202
        clock.advance(Duration.ofMinutes(5));
        assertThat(dispatcher.deliverDue()).isZero();             // delivered: never again

        assertThat(keysReceived).containsExactly("evt-1:SMS", "evt-1:SMS", "evt-1:SMS");
        assertThat(bodiesReceived.get(2)).contains("\"phone\":\"13800138000\"").contains("\"channel\":\"SMS\"");
        assertThat(outbox.undelivered()).isZero();
    }

    @Test
    void backOffDoublesUpToTheMaximum() {
        NotificationDispatcher dispatcher = dispatcher(http());
        assertThat(List.of(1, 2, 3, 4, 5, 20).stream().map(dispatcher::backOff)).containsExactly(
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @Test
    void theSameCauseIsQueuedOnce() {
        outbox.add(sms("evt-2:SMS"), "2643806522199", clock.instant());
        outbox.add(sms("evt-2:SMS"), "2643806522199", clock.instant());

        assertThat(outbox.undelivered()).isEqualTo(1);
    }

    @Test
    void theInboxKeepsOneMessagePerIdEvenWhenDeliveredAgain() {
        DevInbox inbox = new DevInbox(dataSource, clock);
        inbox.deliver(sms("evt-3:SMS"));
        inbox.deliver(sms("evt-3:SMS")); // a crash between delivering and marking it delivered

        assertThat(inbox.messagesTo("13800138000")).extracting(DevInbox.Message::id).containsExactly("evt-3:SMS");
        assertThat(inbox.messagesTo("13900139000")).isEmpty();
    }

    @Test
    void aFailureOfOneMessageDoesNotHoldBackTheOthers() {
        NotificationPort flaky = notification -> {
            if (notification.id().startsWith("bad")) {
                throw new NotificationDeliveryException("refused");
            }
        };
        outbox.add(sms("bad:SMS"), "2643806522199", clock.instant());
        outbox.add(sms("good:SMS"), "2643806522199", clock.instant());

        assertThat(dispatcher(flaky).deliverDue()).isEqualTo(1);
        assertThat(outbox.undelivered()).isEqualTo(1);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
