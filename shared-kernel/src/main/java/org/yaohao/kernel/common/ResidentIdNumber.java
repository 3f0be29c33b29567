package org.yaohao.kernel.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A resident identity card number (公民身份号码) per GB 11643-1999: 17 digits and a check character
 * (a digit or {@code X}) computed with ISO 7064 MOD 11-2.
 * <p>
 * {@link #toString()} is the masked form ({@code 110101********1234}) so the number never leaks into logs
 * by accident; {@link #value()} is the raw number for the few places the rules need it.
 */
public record ResidentIdNumber(String value) implements Comparable<ResidentIdNumber> {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = "10X98765432".toCharArray();

    public ResidentIdNumber {
        if (value == null) {
            throw new InvalidValueException(ErrorCode.ID_NUMBER_FORMAT, "an ID number is required");
        }
        value = value.trim().toUpperCase();
        if (!value.matches("\\d{17}[\\dX]")) {
            throw new InvalidValueException(ErrorCode.ID_NUMBER_FORMAT,
                    "an ID number has 18 characters: 17 digits and a check digit or X");
        }
        if (value.charAt(17) != checkCharacter(value.substring(0, 17))) {
            throw new InvalidValueException(ErrorCode.ID_NUMBER_CHECK_DIGIT,
                    "the ID number's check character does not match (GB 11643)");
        }
    }

    @JsonCreator
    public static ResidentIdNumber of(String value) {
        return new ResidentIdNumber(value);
    }

    /** The GB 11643 check character for the first 17 digits. */
    public static char checkCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    /** The holder's date of birth: characters 7–14, {@code yyyyMMdd} (GB 11643). */
    public LocalDate birthDate() {
        return LocalDate.parse(value.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** Whether the holder is 18 or older on {@code day}. */
    public boolean adultOn(LocalDate day) {
        return !birthDate().plusYears(18).isAfter(day);
    }

    /** First 6 and last 4 characters, the rest as {@code *}: the only form shown to the public. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public int compareTo(ResidentIdNumber other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
