package org.yaohao.kernel.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ResidentIdNumberTest {

    /** 1949-12-31, Dongcheng; its GB 11643 check character is X. */
    private static final String WITH_X = "11010519491231002X";
    /** 1990-03-07, Dongcheng; its check character is a digit. */
    private static final String WITH_DIGIT = "11010119900307123" + ResidentIdNumber.checkCharacter("11010119900307123");

    @Test
    void acceptsNumberWhoseCheckCharacterIsADigit() {
        ResidentIdNumber id = new ResidentIdNumber(WITH_DIGIT);

        assertThat(id.value()).isEqualTo(WITH_DIGIT);
        assertThat(Character.isDigit(id.value().charAt(17))).isTrue();
    }

    @Test
    void acceptsNumberWhoseCheckCharacterIsX() {
        assertThat(ResidentIdNumber.checkCharacter(WITH_X.substring(0, 17))).isEqualTo('X');
        assertThat(new ResidentIdNumber(WITH_X).value()).isEqualTo(WITH_X);
    }

    @Test
    void acceptsLowerCaseXAndSurroundingBlanksAsTheSameNumber() {
        assertThat(ResidentIdNumber.of("  11010519491231002x ")).isEqualTo(new ResidentIdNumber(WITH_X));
    }

    @Test
    void refusesWrongCheckDigitWithTheCheckDigitRule() {
        String wrong = WITH_DIGIT.substring(0, 17) + otherCheckCharacter(WITH_DIGIT.charAt(17));

        InvalidValueException e = refused(wrong);

        assertThat(e.errorCode()).isEqualTo(ErrorCode.ID_NUMBER_CHECK_DIGIT);
    }

    @Test
    void refusesDigitWhereXIsDue() {
        assertThat(refused("110105194912310021").errorCode()).isEqualTo(ErrorCode.ID_NUMBER_CHECK_DIGIT);
    }

    @Test
    void detectsEverySingleDigitChangeInTheFirst17Digits() {
        for (int position = 0; position < 17; position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == WITH_DIGIT.charAt(position)) {
                    continue;
                }
                String changed = WITH_DIGIT.substring(0, position) + digit + WITH_DIGIT.substring(position + 1);
                assertThat(refused(changed).errorCode()).as("digit %s at %d", digit, position)
                        .isEqualTo(ErrorCode.ID_NUMBER_CHECK_DIGIT);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "11010519491231002", "11010519491231002X1", "1101051949123100XX",
            "A1010519491231002X", "110105-9491231002X", "11010519491231002Y", "１１０１０５１９４９１２３１００２X"})
    void refusesWrongLengthOrCharactersWithTheFormatRule(String raw) {
        assertThat(refused(raw).errorCode()).isEqualTo(ErrorCode.ID_NUMBER_FORMAT);
    }

    @ParameterizedTest
    @NullSource
    void refusesMissingNumberWithTheFormatRule(String raw) {
        assertThat(refused(raw).errorCode()).isEqualTo(ErrorCode.ID_NUMBER_FORMAT);
    }

    @Test
    void masksAllButTheFirst6AndLast4Characters() {
        assertThat(new ResidentIdNumber(WITH_X).masked()).isEqualTo("110105********002X");
        String masked = new ResidentIdNumber(WITH_DIGIT).masked();
        assertThat(masked).hasSize(18).startsWith("110101").endsWith(WITH_DIGIT.substring(14))
                .contains("********");
    }

    @Test
    void printsOnlyTheMaskedForm() {
        ResidentIdNumber id = new ResidentIdNumber(WITH_X);

        assertThat(id.toString()).isEqualTo("110105********002X").doesNotContain(WITH_X);
        assertThat(String.valueOf(java.util.List.of(id))).doesNotContain(WITH_X);
    }

    @Test
    void neverEchoesTheRejectedInputInTheMessage() {
        String wrongCheck = WITH_DIGIT.substring(0, 17) + otherCheckCharacter(WITH_DIGIT.charAt(17));
        String wrongFormat = "11010519491231002Q";

        for (String raw : new String[]{wrongCheck, wrongFormat, WITH_DIGIT.substring(0, 16)}) {
            InvalidValueException e = refused(raw);
            assertThat(e.getMessage()).doesNotContain(raw).doesNotContain(raw.substring(0, 14));
            assertThat(String.valueOf(e)).doesNotContain(raw);
        }
    }

    @Test
    void ordersByRawValue() {
        assertThat(new ResidentIdNumber(WITH_DIGIT).compareTo(new ResidentIdNumber(WITH_X))).isNegative();
    }

    private static InvalidValueException refused(String raw) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> new ResidentIdNumber(raw));
        assertThat(e).as("'%s' is refused", raw).isNotNull();
        return e;
    }

    private static char otherCheckCharacter(char actual) {
        return actual == '1' ? '2' : '1';
    }
}
