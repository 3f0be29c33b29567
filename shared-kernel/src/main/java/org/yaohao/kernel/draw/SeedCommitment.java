package org.yaohao.kernel.draw;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The seed of a draw and its commitment. Before the pool is frozen only the commitment, the lowercase hex
 * SHA-256 of the 32-byte seed, is published and recorded; at the draw the seed is revealed and must hash to the
 * commitment, otherwise the draw is refused ({@code docs/draw-algorithm.md}, Inputs).
 */
public final class SeedCommitment {

    /** The length of a seed, in bytes. */
    public static final int SEED_LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    private SeedCommitment() {
    }

    /** A fresh seed from a cryptographically strong random source. */
    public static byte[] newSeed(SecureRandom random) {
        byte[] seed = new byte[SEED_LENGTH];
        random.nextBytes(seed);
        return seed;
    }

    /** The commitment to {@code seed}: lowercase hex SHA-256 of its 32 bytes. */
    public static String commit(byte[] seed) {
        requireSeed(seed);
        return HEX.formatHex(Sha256.hash(seed));
    }

    /**
     * Whether {@code seed} is a 32-byte seed whose SHA-256 is {@code commitment} (64 hex digits, either case).
     * False, never an exception, for a seed of the wrong length or a commitment that is not 64 hex digits.
     */
    public static boolean matches(byte[] seed, String commitment) {
        if (seed == null || seed.length != SEED_LENGTH || !isHex(commitment, 2 * 32)) {
            return false;
        }
        return MessageDigest.isEqual(Sha256.hash(seed), HEX.parseHex(commitment));
    }

    /** Parses a seed written as 64 hex digits (either case). */
    public static byte[] parseSeed(String hex) {
        if (!isHex(hex, 2 * SEED_LENGTH)) {
            throw new IllegalArgumentException("a seed is written as 64 hex digits");
        }
        return HEX.parseHex(hex);
    }

    /** Lowercase hex of {@code bytes}. */
    public static String toHex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** The bytes of an even-length hex string (either case). */
    public static byte[] fromHex(String hex) {
        if (hex == null || hex.length() % 2 != 0 || !isHex(hex, hex.length())) {
            throw new IllegalArgumentException("not an even-length hex string");
        }
        return HEX.parseHex(hex);
    }

    static void requireSeed(byte[] seed) {
        if (seed == null || seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("a seed must be exactly " + SEED_LENGTH + " bytes, was "
                    + (seed == null ? "null" : seed.length + " bytes"));
        }
    }

    private static boolean isHex(String s, int length) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
