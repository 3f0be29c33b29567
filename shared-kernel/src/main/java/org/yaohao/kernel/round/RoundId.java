package org.yaohao.kernel.round;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.InvalidValueException;

/**
 * An allocation round (摇号/配置): {@code <year>-ORD-<nn>} for an ordinary round, {@code <year>-NEV-<nn>} for a
 * new-energy one, e.g. {@code 2023-ORD-02}.
 */
public record RoundId(String value) implements Comparable<RoundId> {

    public RoundId {
        if (value == null || !value.matches("\\d{4}-(ORD|NEV)-\\d{2}")) {
            throw new InvalidValueException(ErrorCode.ROUND_ID_FORMAT,
                    "a round id is <year>-ORD-<nn> or <year>-NEV-<nn>, e.g. 2023-ORD-02");
        }
    }

    @JsonCreator
    public static RoundId of(String value) {
        return new RoundId(value);
    }

    /** The quota type the round allocates. */
    public QuotaType quotaType() {
        return value.contains("-ORD-") ? QuotaType.ORDINARY : QuotaType.NEW_ENERGY;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public int compareTo(RoundId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
