package org.yaohao.kernel.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91110105MA01ABCD13", "91110108MA02EFGH2T"})
    void acceptsCodesWithMatchingCheckCharacter(String raw) {
        assertThat(new UnifiedSocialCreditCode(raw).value()).isEqualTo(raw);
        assertThat(UnifiedSocialCreditCode.checkCharacter(raw.substring(0, 17))).isEqualTo(raw.charAt(17));
    }

    @Test
    void acceptsLowerCaseAndSurroundingBlanksAsTheSameCode() {
        assertThat(UnifiedSocialCreditCode.of(" 91110108ma02efgh2t ")).isEqualTo(new UnifiedSocialCreditCode("91110108MA02EFGH2T"));
    }

    @Test
    void printsTheCodeItself() {
        assertThat(new UnifiedSocialCreditCode("91110105MA01ABCD13")).hasToString("91110105MA01ABCD13");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91110105MA01ABCD12", "91110105MA01ABCD1T", "91110108MA02EFGH2U", "91110108MA02EFGH20"})
    void refusesWrongCheckCharacter(String raw) {
        assertThat(refused(raw).errorCode()).isEqualTo(ErrorCode.CREDIT_CODE_CHECK_CHARACTER);
    }

    @Test
    void detectsEverySingleCharacterChangeInTheFirst17() {
        String valid = "91110105MA01ABCD13";
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int position = 0; position < 17; position++) {
            for (char c : alphabet.toCharArray()) {
                if (c == valid.charAt(position)) {
                    continue;
                }
                String changed = valid.substring(0, position) + c + valid.substring(position + 1);
                assertThat(refused(changed).errorCode()).as("%s at %d", c, position)
                        .isEqualTo(ErrorCode.CREDIT_CODE_CHECK_CHARACTER);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
    void refusesLettersOutsideTheGb32100Alphabet(char forbidden) {
        String raw = "91110105MA01ABC" + forbidden + "13";

        assertThat(refused(raw).errorCode()).isEqualTo(ErrorCode.CREDIT_CODE_FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91110105MA01ABCD1", "91110105MA01ABCD133", "91110105MA01ABC-13"})
    void refusesWrongLengthOrCharacters(String raw) {
        assertThat(refused(raw).errorCode()).isEqualTo(ErrorCode.CREDIT_CODE_FORMAT);
    }

    @Test
    void refusesMissingCode() {
        assertThat(refused(null).errorCode()).isEqualTo(ErrorCode.CREDIT_CODE_FORMAT);
    }

    private static InvalidValueException refused(String raw) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> new UnifiedSocialCreditCode(raw));
        assertThat(e).as("'%s' is refused", raw).isNotNull();
        return e;
    }
}
