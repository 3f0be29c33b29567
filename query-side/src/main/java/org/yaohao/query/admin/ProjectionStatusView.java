package org.yaohao.query.admin;

import java.time.Instant;
import java.util.List;

/**
 * A projection as operators see it: the processor that feeds it, whether it runs or replays, the position of the last
 * event it handled and the head of the log, the lag in events, the processor's error (its type only: a message could
 * name a person), its dead letters, and its latest rebuild.
 */
public record ProjectionStatusView(String name, String processor, boolean running, boolean replaying, Long position,
                                   Long head, Long lag, String error, long deadLetterCount,
                                   List<DeadLetterView> deadLetters, RebuildView rebuild) {

    /**
     * An event parked because the projection failed on it, or queued behind such an event of the same aggregate
     * ({@code sequence}); {@code reason} is the failure's type and message, digit runs masked.
     */
    public record DeadLetterView(String sequence, String eventType, String eventId, Long position, String reason,
                                 Instant enqueuedAt, Instant lastTouched) {
    }

    /**
     * A rebuild: {@code state} RUNNING, SWITCHING (the live processor paused for the switch), DONE or FAILED; events
     * done of the total (positions in the log), the rate in events a second and the estimated seconds left.
     */
    public record RebuildView(String state, long eventsDone, long eventsTotal, long eventsPerSecond, Long etaSeconds,
                              Instant startedAt, Instant finishedAt, String error) {
    }
}
