package org.yaohao.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key ({@code sign-in|client|<address>}, {@code lookup|code|<code>}, …): a bucket holds up to its
 * limit per minute and refills evenly over the minute. In memory, per process.
 */
public final class RateLimiter {

    private static final Duration IDLE = Duration.ofMinutes(2);

    private static final class Bucket {
        double tokens;
        Instant refilledAt;

        Bucket(double tokens, Instant refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private Instant sweptAt;

    public RateLimiter(Clock clock) {
        this.clock = clock;
        this.sweptAt = clock.instant();
    }

    /** Takes one request from the key's bucket: empty when allowed, else how long until one is. */
    public Optional<Duration> acquire(String key, int perMinute) {
        Instant now = clock.instant();
        sweep(now);
        double perSecond = perMinute / 60.0;
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            double elapsed = Duration.between(bucket.refilledAt, now).toNanos() / 1e9;
            bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, elapsed) * perSecond);
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis((long) Math.ceil((1 - bucket.tokens) / perSecond * 1000)));
        }
    }

    /** Enforces the limit: throws {@link RateLimitExceededException} when the key has none left. */
    public void require(String key, int perMinute, String field) {
        acquire(key, perMinute).ifPresent(wait -> {
            throw new RateLimitExceededException(field, wait);
        });
    }

    private void sweep(Instant now) {
        if (Duration.between(sweptAt, now).compareTo(IDLE) < 0) {
            return;
        }
        sweptAt = now;
        buckets.entrySet().removeIf(e -> Duration.between(e.getValue().refilledAt, now).compareTo(IDLE) > 0);
    }
}
