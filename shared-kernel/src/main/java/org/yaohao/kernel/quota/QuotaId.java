package org.yaohao.kernel.quota;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.InvalidValueException;
import org.yaohao.kernel.round.RoundId;

/**
 * A quota is named by its round and winning entry: {@code <roundId>-<entry code>}, e.g.
 * {@code 2023-ORD-05-1234567890128}; an enterprise's entries add the quota's number, {@code …-1234567890128-2}.
 */
public record QuotaId(String value) {

    private static final int ROUND_LENGTH = 11;

    public static QuotaId of(RoundId round, String entryCode) {
        return new QuotaId(round.value() + "-" + entryCode);
    }

    @JsonCreator
    public static QuotaId of(String value) {
        return new QuotaId(value);
    }

    /** A quota id as a caller gives it, checked: a round id, an application code with its check digit, a number. */
    public static QuotaId parse(String value) {
        if (value == null || value.length() < ROUND_LENGTH + 14 || value.charAt(ROUND_LENGTH) != '-'
                || !value.substring(ROUND_LENGTH + 14).matches("(-[1-9][0-9]?)?")
                || !ApplicationCode.isValid(value.substring(ROUND_LENGTH + 1, ROUND_LENGTH + 14))) {
            throw new InvalidValueException(ErrorCode.QUOTA_ID_FORMAT,
                    "a quota id is <round id>-<application code>[-<n>], e.g. 2023-ORD-05-2643806522199");
        }
        try {
            RoundId.of(value.substring(0, ROUND_LENGTH));
        } catch (InvalidValueException e) {
            throw new InvalidValueException(ErrorCode.QUOTA_ID_FORMAT,
                    "a quota id starts with its round id, e.g. 2023-ORD-05");
        }
        return new QuotaId(value);
    }

    /** The application that won the quota: its holder. */
    public ApplicationCode applicationCode() {
        return new ApplicationCode(value.substring(ROUND_LENGTH + 1, ROUND_LENGTH + 14));
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
