package org.yaohao.kernel.common;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApplicationCodeTest {

    private final Random seeded = new Random(20230101L);

    @Test
    void aPoolEntryBelongsToTheApplicationOfItsFirst13Digits() {
        assertThat(ApplicationCode.ofEntry("2643806522199")).isEqualTo("2643806522199");
        assertThat(ApplicationCode.ofEntry("2643806522199-4")).isEqualTo("2643806522199");
    }

    @Test
    void randomCodesHave13DigitsAMatchingCheckDigitAndNoLeadingZero() {
        for (int i = 0; i < 1000; i++) {
            ApplicationCode code = ApplicationCode.random();

            assertThat(code.value()).matches("[1-9]\\d{12}");
            assertThat(ApplicationCode.isValid(code.value())).isTrue();
            assertThat(ApplicationCode.of(code.value())).isEqualTo(code);
            assertThat(code).hasToString(code.value());
        }
    }

    @Test
    void detectsEverySingleDigitSubstitutionAtEveryPosition() {
        for (int n = 0; n < 200; n++) {
            String valid = ApplicationCode.random(seeded).value();
            for (int position = 0; position < 13; position++) {
                for (char digit = '0'; digit <= '9'; digit++) {
                    if (digit == valid.charAt(position)) {
                        continue;
                    }
                    String changed = valid.substring(0, position) + digit + valid.substring(position + 1);
                    assertThat(ApplicationCode.isValid(changed)).as("%s from %s", changed, valid).isFalse();
                    assertThat(refused(changed).errorCode()).isEqualTo(ErrorCode.APPLICATION_CODE_CHECK_DIGIT);
                }
            }
        }
    }

    @Test
    void detectsEveryAdjacentTranspositionIncludingTheCheckDigit() {
        int transpositionsTried = 0;
        for (int n = 0; n < 500; n++) {
            String valid = ApplicationCode.random(seeded).value();
            for (int position = 0; position < 12; position++) {
                char[] digits = valid.toCharArray();
                if (digits[position] == digits[position + 1]) {
                    continue;
                }
                char swap = digits[position];
                digits[position] = digits[position + 1];
                digits[position + 1] = swap;
                String transposed = new String(digits);
                assertThat(ApplicationCode.isValid(transposed)).as("%s from %s", transposed, valid).isFalse();
                assertThat(refused(transposed).errorCode()).isEqualTo(ErrorCode.APPLICATION_CODE_CHECK_DIGIT);
                transpositionsTried++;
            }
        }
        assertThat(transpositionsTried).isGreaterThan(5000);
    }

    @Test
    void thousandRandomCodesAreDistinctAndNotSequential() {
        List<ApplicationCode> codes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            codes.add(ApplicationCode.random());
        }

        Set<ApplicationCode> distinct = new HashSet<>(codes);
        assertThat(distinct).hasSize(1000);

        Set<BigInteger> steps = new HashSet<>();
        int ascending = 0;
        for (int i = 1; i < codes.size(); i++) {
            BigInteger previous = new BigInteger(codes.get(i - 1).value());
            BigInteger current = new BigInteger(codes.get(i).value());
            steps.add(current.subtract(previous));
            if (current.compareTo(previous) > 0) {
                ascending++;
            }
        }
        assertThat(steps).as("differences between consecutive codes").hasSizeGreaterThan(990);
        assertThat(ascending).as("consecutive codes in ascending order").isBetween(350, 650);
        assertThat(codes.stream().map(c -> c.value().charAt(0)).distinct()).hasSize(9);
    }

    @Test
    void refusesWrongLengthOrNonDigitsWithTheFormatRule() {
        String valid = ApplicationCode.random(seeded).value();
        for (String raw : new String[]{null, "", valid.substring(0, 12), valid + "0", valid.substring(0, 12) + "X",
                " " + valid.substring(1)}) {
            assertThat(refused(raw).errorCode()).as("'%s'", raw).isEqualTo(ErrorCode.APPLICATION_CODE_FORMAT);
            assertThat(ApplicationCode.isValid(raw)).isFalse();
        }
    }

    @Test
    void checkDigitIsTheDammDigitOfTheFirstTwelve() {
        // Damm's own example: 572 → check digit 4
        assertThat(ApplicationCode.checkDigit("572")).isEqualTo('4');
        String code = "123456789012" + ApplicationCode.checkDigit("123456789012");
        assertThat(new ApplicationCode(code).value()).isEqualTo(code);
    }

    private static InvalidValueException refused(String raw) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> new ApplicationCode(raw));
        assertThat(e).as("'%s' is refused", raw).isNotNull();
        return e;
    }
}
