package org.yaohao.kernel.quota;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.InvalidValueException;

/**
 * A vehicle identification number (车辆识别代号) per ISO 3779 / GB 16735: 17 characters, digits and capital letters
 * except I, O and Q, whose 9th character is a check digit: each character is transliterated to a number (digits as
 * themselves; A–H 1–8, J–N 1–5, P 7, R 9, S–Z 2–9), multiplied by its position's weight
 * (8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2), and the sum taken modulo 11 (10 written {@code X}).
 */
public record Vin(String value) {

    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    /** The value of A..Z; 0 for I, O and Q, which a VIN never contains. */
    private static final int[] LETTER_VALUES = {1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 0, 7, 0, 9, 2, 3, 4, 5, 6,
            7, 8, 9};

    public Vin {
        if (value == null) {
            throw new InvalidValueException(ErrorCode.VIN_FORMAT, "a VIN is required");
        }
        value = value.trim().toUpperCase();
        if (!value.matches("[0-9A-HJ-NPR-Z]{17}")) {
            throw new InvalidValueException(ErrorCode.VIN_FORMAT,
                    "a VIN has 17 characters: digits and capital letters except I, O and Q");
        }
        if (value.charAt(8) != checkDigit(value)) {
            throw new InvalidValueException(ErrorCode.VIN_CHECK_DIGIT,
                    "the VIN's 9th character is not its ISO 3779 check digit");
        }
    }

    @JsonCreator
    public static Vin of(String value) {
        return new Vin(value);
    }

    /** The check digit of a 17-character VIN (its own 9th character is not counted: its weight is 0). */
    public static char checkDigit(String vin) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = vin.charAt(i);
            int number = Character.isDigit(c) ? c - '0' : LETTER_VALUES[c - 'A'];
            sum += number * WEIGHTS[i];
        }
        int check = sum % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
