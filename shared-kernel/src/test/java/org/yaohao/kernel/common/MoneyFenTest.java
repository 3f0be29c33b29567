package org.yaohao.kernel.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MoneyFenTest {

    @Test
    void refusesNegativeAmount() {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> new MoneyFen(-1));

        assertThat(e).isNotNull();
        assertThat(e.errorCode()).isEqualTo(ErrorCode.MONEY_NEGATIVE);
        assertThat(catchThrowableOfType(InvalidValueException.class, () -> MoneyFen.ofYuan(-1)).errorCode())
                .isEqualTo(ErrorCode.MONEY_NEGATIVE);
    }

    @Test
    void convertsYuanToHundredFen() {
        assertThat(MoneyFen.ofYuan(2_000)).isEqualTo(MoneyFen.ofFen(200_000));
        assertThat(MoneyFen.ofYuan(0)).isEqualTo(MoneyFen.ZERO);
    }

    @Test
    void refusesYuanThatOverflowsFen() {
        assertThatThrownBy(() -> MoneyFen.ofYuan(Long.MAX_VALUE / 10)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void addsAndSubtracts() {
        MoneyFen deposit = MoneyFen.ofYuan(2_000);
        MoneyFen instalment = MoneyFen.ofFen(66_667);

        assertThat(deposit.plus(MoneyFen.ofYuan(300))).isEqualTo(MoneyFen.ofYuan(2_300));
        assertThat(deposit.minus(instalment)).isEqualTo(MoneyFen.ofFen(133_333));
        assertThat(deposit.minus(deposit)).isEqualTo(MoneyFen.ZERO);
    }

    @Test
    void refusesSubtractionBelowZero() {
        assertThat(catchThrowableOfType(InvalidValueException.class,
                () -> MoneyFen.ofYuan(1_000).minus(MoneyFen.ofYuan(2_000))).errorCode())
                .isEqualTo(ErrorCode.MONEY_NEGATIVE);
    }

    @Test
    void refusesAdditionThatOverflows() {
        assertThatThrownBy(() -> MoneyFen.ofFen(Long.MAX_VALUE).plus(MoneyFen.ofFen(1)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void comparesByAmount() {
        assertThat(MoneyFen.ofYuan(1_000).isLessThan(MoneyFen.ofYuan(2_000))).isTrue();
        assertThat(MoneyFen.ofYuan(2_000).isLessThan(MoneyFen.ofYuan(2_000))).isFalse();
        assertThat(MoneyFen.ofYuan(2_000)).isGreaterThan(MoneyFen.ofYuan(1_000));
        assertThat(MoneyFen.ofFen(150)).hasToString("150 fen");
    }
}
