package org.yaohao.kernel.quota;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BeijingPlateTest {

    @Test
    void anOrdinaryPlateHasFiveCharactersAfterTheOfficeLetter() {
        assertThat(BeijingPlate.of("京A12345").quotaType()).isEqualTo(QuotaType.ORDINARY);
        assertThat(BeijingPlate.of("京NB7C21").quotaType()).isEqualTo(QuotaType.ORDINARY);
    }

    @Test
    void aNewEnergyPlateHasSix() {
        assertThat(BeijingPlate.of("京AD12345").quotaType()).isEqualTo(QuotaType.NEW_ENERGY);
        assertThat(BeijingPlate.of("京A12345F").quotaType()).isEqualTo(QuotaType.NEW_ENERGY);
    }

    @Test
    void isReadInCapitals() {
        assertThat(BeijingPlate.of(" 京a1234b ").value()).isEqualTo("京A1234B");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "沪A12345", "京12345", "京A1234", "京A1234567", "京I12345", "京A1234O", "京A-2345",
            "A12345"})
    void refusesOtherPlates(String plate) {
        assertThatThrownBy(() -> BeijingPlate.of(plate)).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).errorCode())
                        .isEqualTo(ErrorCode.PLATE_NUMBER_FORMAT));
    }
}
