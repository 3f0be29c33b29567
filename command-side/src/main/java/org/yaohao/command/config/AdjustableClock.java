package org.yaohao.command.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system's clock: a base clock moved by an offset ({@code yaohao.clock.offset}) that the demonstration mode moves
 * further forward while it runs (its accelerated calendar). Nothing else moves it; it never goes back.
 */
public final class AdjustableClock extends Clock {

    private final Clock base;
    private volatile Duration offset;

    public AdjustableClock(Clock base, Duration offset) {
        this.base = base;
        this.offset = offset;
    }

    /** Moves the clock forward to {@code target} (nothing if it is already there or later); returns the offset. */
    public synchronized Duration advanceTo(Instant target) {
        Duration step = Duration.between(instant(), target);
        if (!step.isNegative() && !step.isZero()) {
            offset = offset.plus(step);
        }
        return offset;
    }

    public Duration offset() {
        return offset;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }
}
