package org.yaohao.kernel.quota;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuotaIdTest {

    static final String CODE = "123456789012" + ApplicationCode.checkDigit("123456789012");

    @Test
    void namesItsRoundAndTheApplicationThatWonIt() {
        assertThat(QuotaId.parse("2023-ORD-05-" + CODE).applicationCode().value()).isEqualTo(CODE);
        assertThat(QuotaId.parse("2023-ORD-05-" + CODE + "-2").applicationCode().value()).isEqualTo(CODE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2023-ORD-05", "2023-XXX-05-%s", "2023-ORD-05-1234567890120", "2023-ORD-05-%s-",
            "2023-ORD-05-%s-0", "2023-ORD-05-%sX", "2023-ORD-05+%s"})
    void refusesAnythingElse(String pattern) {
        assertThatThrownBy(() -> QuotaId.parse(pattern.formatted(CODE))).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).errorCode()).isEqualTo(ErrorCode.QUOTA_ID_FORMAT));
    }
}
