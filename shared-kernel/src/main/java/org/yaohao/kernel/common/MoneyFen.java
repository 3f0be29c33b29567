package org.yaohao.kernel.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An amount of money in integer fen (分; 100 fen = 1 yuan). Never negative, never a floating-point number. */
public record MoneyFen(long fen) implements Comparable<MoneyFen> {

    public static final MoneyFen ZERO = new MoneyFen(0);

    public MoneyFen {
        if (fen < 0) {
            throw new InvalidValueException(ErrorCode.MONEY_NEGATIVE, "an amount of money cannot be negative");
        }
    }

    @JsonCreator
    public static MoneyFen ofFen(long fen) {
        return new MoneyFen(fen);
    }

    public static MoneyFen ofYuan(long yuan) {
        return new MoneyFen(Math.multiplyExact(yuan, 100L));
    }

    public MoneyFen plus(MoneyFen other) {
        return new MoneyFen(Math.addExact(fen, other.fen));
    }

    public MoneyFen minus(MoneyFen other) {
        return new MoneyFen(Math.subtractExact(fen, other.fen));
    }

    public boolean isLessThan(MoneyFen other) {
        return fen < other.fen;
    }

    @JsonValue
    public long fen() {
        return fen;
    }

    @Override
    public int compareTo(MoneyFen other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public String toString() {
        return fen + " fen";
    }
}
