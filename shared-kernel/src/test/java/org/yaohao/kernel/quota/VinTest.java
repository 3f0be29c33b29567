package org.yaohao.kernel.quota;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VinTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "1M8GDM9AXKP042788", // the check digit X (10), the example of 49 CFR 565
            "11111111111111111", // every position 1: 89 mod 11 = 1
            "1HGCM82633A004352"  // check digit 3
    })
    void acceptsVinsWhoseNinthCharacterIsTheirCheckDigit(String vin) {
        assertThat(Vin.of(vin).value()).isEqualTo(vin);
        assertThat(Vin.checkDigit(vin)).isEqualTo(vin.charAt(8));
    }

    @Test
    void acceptsLowerCaseAndSpacesAroundAsTheSameVin() {
        assertThat(Vin.of(" 1m8gdm9axkp042788 ").value()).isEqualTo("1M8GDM9AXKP042788");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1M8GDM9A1KP042788", "1HGCM82643A004352", "11111111211111111"})
    void refusesAWrongCheckDigit(String vin) {
        assertThatThrownBy(() -> Vin.of(vin)).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).errorCode()).isEqualTo(ErrorCode.VIN_CHECK_DIGIT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1M8GDM9AXKP04278", "1M8GDM9AXKP0427888", "1M8GDM9AXKP04278O", "IM8GDM9AXKP042788",
            "1M8GDM9AXKQ042788", "1M8GDM9AXKP04278-"})
    void refusesAnythingButSeventeenCharactersOfTheVinAlphabet(String vin) {
        assertThatThrownBy(() -> Vin.of(vin)).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).errorCode()).isEqualTo(ErrorCode.VIN_FORMAT));
    }
}
