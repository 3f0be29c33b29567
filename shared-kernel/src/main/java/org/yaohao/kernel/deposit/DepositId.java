package org.yaohao.kernel.deposit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.InvalidValueException;
import org.yaohao.kernel.round.RoundId;

/** A deposit is identified by its application and round: {@code <applicationCode>-<roundId>}, e.g. {@code 2643806522199-2023-ORD-02}. */
public record DepositId(String value) {

    public DepositId {
        if (value == null || value.length() != 25 || value.charAt(13) != '-'
                || !ApplicationCode.isValid(value.substring(0, 13))) {
            throw new InvalidValueException(ErrorCode.DEPOSIT_ID_FORMAT,
                    "a deposit id is <application code>-<round id>, e.g. 2643806522199-2023-ORD-02");
        }
        RoundId.of(value.substring(14));
    }

    public static DepositId of(ApplicationCode code, RoundId round) {
        return new DepositId(code.value() + "-" + round.value());
    }

    @JsonCreator
    public static DepositId of(String value) {
        return new DepositId(value);
    }

    public ApplicationCode applicationCode() {
        return new ApplicationCode(value.substring(0, 13));
    }

    public RoundId roundId() {
        return new RoundId(value.substring(14));
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
