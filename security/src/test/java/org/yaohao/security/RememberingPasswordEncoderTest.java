package org.yaohao.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff sign in on every request: a verified password skips bcrypt for a while, a wrong one never does. */
class RememberingPasswordEncoderTest {

    private final AtomicInteger fullChecks = new AtomicInteger();
    private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final PasswordEncoder encoder = new RememberingPasswordEncoder(new PasswordEncoder() {
        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            fullChecks.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    }, Duration.ofMinutes(5), 2, clock);

    private final String hash = encoder.encode("clerk-7-demo");

    @Test
    void aVerifiedPasswordIsNotHashedAgainWithinItsLifetime() {
        assertThat(encoder.matches("clerk-7-demo", hash)).isTrue();
        assertThat(encoder.matches("clerk-7-demo", hash)).isTrue();
        clock.advance(Duration.ofMinutes(4));
        assertThat(encoder.matches("clerk-7-demo", hash)).isTrue();

        assertThat(fullChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordPaysTheFullCheckEveryTime() {
        assertThat(encoder.matches("clerk-7-demo", hash)).isTrue();

        assertThat(encoder.matches("guess", hash)).isFalse();
        assertThat(encoder.matches("guess", hash)).isFalse();

        assertThat(fullChecks).hasValue(3);
    }

    @Test
    void theRightPasswordForAnotherHashIsCheckedInFull() {
        assertThat(encoder.matches("clerk-7-demo", hash)).isTrue();
        String changed = encoder.encode("new-password");

        assertThat(encoder.matches("clerk-7-demo", changed)).isFalse();
        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void aRememberedPasswordIsCheckedInFullAgainOnceItsLifetimeIsOverOrWhenCrowdedOut() {
        assertThat(encoder.matches("clerk-7-demo", hash)).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(encoder.matches("clerk-7-demo", hash)).isTrue();
        assertThat(fullChecks).hasValue(2);

        String other = encoder.encode("a");
        String third = encoder.encode("b");
        assertThat(encoder.matches("a", other)).isTrue();
        assertThat(encoder.matches("b", third)).isTrue();
        assertThat(encoder.matches("clerk-7-demo", hash)).isTrue();
        assertThat(fullChecks).as("capacity 2: the first one was crowded out").hasValue(5);
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        private MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
