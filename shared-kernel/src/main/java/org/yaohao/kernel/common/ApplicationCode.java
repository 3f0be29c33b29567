package org.yaohao.kernel.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * An application code (申请编码): 13 digits, the last a Damm check digit. The Damm algorithm detects every
 * single-digit error and every transposition of adjacent digits. The first 12 digits are drawn at random, so
 * codes are not sequential and cannot be enumerated.
 */
public record ApplicationCode(String value) implements Comparable<ApplicationCode> {

    private static final int[][] DAMM = {
            {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
            {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
            {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
            {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
            {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
            {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
            {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
            {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
            {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
            {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}};
    /**
     * A generator per thread: the default {@link SecureRandom} of Linux (NativePRNG) serves every thread of the JVM
     * behind one lock, which the submit requests queued on (a code takes twelve draws).
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(ApplicationCode::newGenerator);

    /** The number of digits of a code. */
    public static final int LENGTH = 13;

    public ApplicationCode {
        if (value == null || !value.matches("\\d{13}")) {
            throw new InvalidValueException(ErrorCode.APPLICATION_CODE_FORMAT, "an application code has 13 digits");
        }
        if (checkDigit(value.substring(0, 12)) != value.charAt(12)) {
            throw new InvalidValueException(ErrorCode.APPLICATION_CODE_CHECK_DIGIT,
                    "the application code's check digit does not match");
        }
    }

    @JsonCreator
    public static ApplicationCode of(String value) {
        return new ApplicationCode(value);
    }

    /**
     * The application code of a pool entry, as text: a person's or family's entry code is the application code, an
     * enterprise's entries are {@code <code>-1} … {@code <code>-5}. Not checked: the entry codes come from a frozen
     * pool.
     */
    public static String ofEntry(String entryCode) {
        return entryCode.length() > LENGTH ? entryCode.substring(0, LENGTH) : entryCode;
    }

    /** A fresh random code; the first digit is never 0 so every code prints as 13 digits. */
    public static ApplicationCode random() {
        return random(RANDOM.get());
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    public static ApplicationCode random(RandomGenerator random) {
        StringBuilder digits = new StringBuilder(13).append(1 + random.nextInt(9));
        for (int i = 1; i < 12; i++) {
            digits.append(random.nextInt(10));
        }
        return new ApplicationCode(digits.append(checkDigit(digits)).toString());
    }

    /** The Damm check digit of the given digits. */
    public static char checkDigit(CharSequence digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = DAMM[interim][digits.charAt(i) - '0'];
        }
        return (char) ('0' + interim);
    }

    /** Whether the text is a well-formed code with a matching check digit. */
    public static boolean isValid(String value) {
        return value != null && value.matches("\\d{13}") && checkDigit(value.substring(0, 12)) == value.charAt(12);
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public int compareTo(ApplicationCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
