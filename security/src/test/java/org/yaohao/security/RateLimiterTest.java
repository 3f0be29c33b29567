package org.yaohao.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private Instant now = Instant.parse("2026-03-02T02:00:00Z");
    private final Clock clock = new Clock() {
        public ZoneId getZone() { return ZoneId.of("UTC"); }
        public Clock withZone(ZoneId zone) { return this; }
        public Instant instant() { return now; }
    };

    @Test
    void allowsTheLimitPerMinuteThenSaysHowLongToWait() {
        RateLimiter limiter = new RateLimiter(clock);
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.acquire("k", 6)).isEmpty();
        }
        assertThat(limiter.acquire("k", 6)).contains(Duration.ofSeconds(10));
        assertThat(limiter.acquire("other", 6)).as("another key has its own bucket").isEmpty();

        now = now.plusSeconds(10);
        assertThat(limiter.acquire("k", 6)).isEmpty();
        assertThat(limiter.acquire("k", 6)).isPresent();
    }

    @Test
    void theRetryAfterIsWholeSecondsRoundedUp() {
        assertThat(new RateLimitExceededException("code", Duration.ofMillis(1200)).retryAfterSeconds()).isEqualTo(2);
        assertThat(new RateLimitExceededException("code", Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
    }
}
