package org.yaohao.command.signin;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open sign-in challenges: a one-time code of 6 digits per challenge, held only as a salted hash, valid for
 * {@value #VALIDITY_MINUTES} minutes and {@value #MAX_ATTEMPTS} attempts, then gone; a confirmed challenge is gone too.
 * In memory: a restart asks the applicant for a new code, which is harmless.
 */
class SignInChallenges {

    static final int VALIDITY_MINUTES = 5;
    static final int MAX_ATTEMPTS = 5;

    record Opened(String challengeId, String oneTimeCode, Instant expiresAt) {
    }

    private record Challenge(String code, String codeHash, Instant expiresAt, int attempts) {
    }

    private final Map<String, Challenge> open = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    SignInChallenges(Clock clock) {
        this.clock = clock;
    }

    /** A new challenge for the application with this code. */
    Opened open(String applicationCode) {
        Instant now = clock.instant();
        open.values().removeIf(c -> !c.expiresAt().isAfter(now));
        String id = UUID.randomUUID().toString();
        String oneTimeCode = String.format("%06d", random.nextInt(1_000_000));
        Instant expiresAt = now.plus(Duration.ofMinutes(VALIDITY_MINUTES));
        open.put(id, new Challenge(applicationCode, hash(id, oneTimeCode), expiresAt, 0));
        return new Opened(id, oneTimeCode, expiresAt);
    }

    /** The application code, when the one-time code is right for an open challenge; the challenge is then closed. */
    Optional<String> confirm(String challengeId, String oneTimeCode) {
        String[] confirmed = new String[1];
        open.computeIfPresent(challengeId, (id, challenge) -> {
            if (!challenge.expiresAt().isAfter(clock.instant())) {
                return null;
            }
            if (MessageDigest.isEqual(challenge.codeHash().getBytes(StandardCharsets.US_ASCII),
                    hash(id, oneTimeCode).getBytes(StandardCharsets.US_ASCII))) {
                confirmed[0] = challenge.code();
                return null;
            }
            int attempts = challenge.attempts() + 1;
            return attempts >= MAX_ATTEMPTS ? null
                    : new Challenge(challenge.code(), challenge.codeHash(), challenge.expiresAt(), attempts);
        });
        return Optional.ofNullable(confirmed[0]);
    }

    /** SHA-256 of the text (UTF-8), in hex. */
    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String hash(String challengeId, String oneTimeCode) {
        return sha256Hex(challengeId + ":" + oneTimeCode);
    }
}
