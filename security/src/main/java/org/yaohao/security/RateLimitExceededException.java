package org.yaohao.security;

import java.time.Duration;

/** Too many requests for a key; {@link #retryAfterSeconds()} is what the {@code Retry-After} header says. */
public class RateLimitExceededException extends RuntimeException {

    private final String field;
    private final Duration wait;

    public RateLimitExceededException(String field, Duration wait) {
        super("too many requests; retry after " + Math.max(1, (wait.toMillis() + 999) / 1000) + " s");
        this.field = field;
        this.wait = wait;
    }

    public String field() {
        return field;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
