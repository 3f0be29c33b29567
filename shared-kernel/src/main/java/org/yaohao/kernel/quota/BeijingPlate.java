package org.yaohao.kernel.quota;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.InvalidValueException;

/**
 * A Beijing number plate (号牌号码): {@code 京}, the issuing office's letter, then 5 letters or digits for an
 * ordinary car ({@code 京A12345}) or 6 for a new-energy car ({@code 京AD12345}). Letters I and O are never used, so
 * they are not mistaken for 1 and 0.
 */
public record BeijingPlate(String value) {

    private static final String LETTER = "[A-HJ-NP-Z]";
    private static final String ORDINARY = "京" + LETTER + "[0-9A-HJ-NP-Z]{5}";
    private static final String NEW_ENERGY = "京" + LETTER + "[0-9A-HJ-NP-Z]{6}";

    public BeijingPlate {
        if (value == null) {
            throw new InvalidValueException(ErrorCode.PLATE_NUMBER_FORMAT, "a plate number is required");
        }
        value = value.trim().toUpperCase();
        if (!value.matches(ORDINARY) && !value.matches(NEW_ENERGY)) {
            throw new InvalidValueException(ErrorCode.PLATE_NUMBER_FORMAT,
                    "a Beijing plate is 京, a letter and 5 letters or digits (new-energy: 6), without I or O");
        }
    }

    @JsonCreator
    public static BeijingPlate of(String value) {
        return new BeijingPlate(value);
    }

    /** The kind of car the plate is for: a new-energy plate has 6 characters after the office letter. */
    public QuotaType quotaType() {
        return value.matches(NEW_ENERGY) ? QuotaType.NEW_ENERGY : QuotaType.ORDINARY;
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
