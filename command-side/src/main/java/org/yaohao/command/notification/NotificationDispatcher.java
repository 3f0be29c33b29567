package org.yaohao.command.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the outbox through the {@link NotificationPort}: every poll, the due notifications oldest first, each
 * marked delivered once the port took it. A failed attempt is retried after a back-off that doubles from
 * {@code first-retry-after} up to {@code max-retry-after}, without end: a notification is never dropped. A crash
 * between delivery and marking it delivered means one more delivery of the same id, which the port drops.
 */
class NotificationDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 100;

    private final NotificationOutbox outbox;
    private final NotificationPort port;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration firstRetryAfter;
    private final Duration maxRetryAfter;
    private ScheduledExecutorService executor;

    NotificationDispatcher(NotificationOutbox outbox, NotificationPort port, Clock clock, Duration pollInterval,
                           Duration firstRetryAfter, Duration maxRetryAfter) {
        this.outbox = outbox;
        this.port = port;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.firstRetryAfter = firstRetryAfter;
        this.maxRetryAfter = maxRetryAfter;
    }

    /** One pass over the due notifications; returns how many were delivered. */
    int deliverDue() {
        int delivered = 0;
        for (NotificationOutbox.Pending pending : outbox.due(clock.instant(), BATCH)) {
            Notification notification = pending.notification();
            int attempts = pending.attempts() + 1;
            try {
                port.deliver(notification);
                outbox.delivered(notification.id(), attempts, clock.instant());
                delivered++;
            } catch (RuntimeException e) {
                Instant next = clock.instant().plus(backOff(attempts));
                outbox.failed(notification.id(), attempts, next, e.getClass().getSimpleName() + ": " + e.getMessage());
                log.warn("Notification {} not delivered (attempt {}): {}; next attempt at {}", notification, attempts,
                        e.getMessage(), next);
            }
        }
        return delivered;
    }

    Duration backOff(int attempts) {
        Duration wait = firstRetryAfter;
        for (int i = 1; i < attempts && wait.compareTo(maxRetryAfter) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "notification-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                log.error("Notification outbox pass failed; retrying at the next poll", e);
            }
        }, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // after Axon's components: stops first, starts last
    }
}
