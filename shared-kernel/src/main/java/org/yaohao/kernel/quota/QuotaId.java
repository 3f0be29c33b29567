package org.yaohao.kernel.quota;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.yaohao.kernel.round.RoundId;

/** A quota is named by its round and winning entry: {@code <roundId>-<entry code>}, e.g. {@code 2023-ORD-05-1234567890128}. */
public record QuotaId(String value) {

    public static QuotaId of(RoundId round, String entryCode) {
        return new QuotaId(round.value() + "-" + entryCode);
    }

    @JsonCreator
    public static QuotaId of(String value) {
        return new QuotaId(value);
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
