package org.yaohao.kernel.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enterprise's unified social credit code (统一社会信用代码) per GB 32100-2015: 18 characters from the
 * alphabet {@code 0-9 A-H J-N P-R T U W-Y}, the last one a check character (weights 3^i mod 31).
 */
public record UnifiedSocialCreditCode(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public UnifiedSocialCreditCode {
        if (value == null) {
            throw new InvalidValueException(ErrorCode.CREDIT_CODE_FORMAT, "a unified social credit code is required");
        }
        value = value.trim().toUpperCase();
        if (value.length() != 18 || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new InvalidValueException(ErrorCode.CREDIT_CODE_FORMAT,
                    "a unified social credit code has 18 characters from 0-9 and A-Y without I, O, S, V, Z");
        }
        if (value.charAt(17) != checkCharacter(value.substring(0, 17))) {
            throw new InvalidValueException(ErrorCode.CREDIT_CODE_CHECK_CHARACTER,
                    "the credit code's check character does not match (GB 32100)");
        }
    }

    @JsonCreator
    public static UnifiedSocialCreditCode of(String value) {
        return new UnifiedSocialCreditCode(value);
    }

    /** The GB 32100 check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
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
