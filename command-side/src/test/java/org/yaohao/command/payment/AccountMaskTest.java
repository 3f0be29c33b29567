package org.yaohao.command.payment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An account is shown with its first 4 and last 4 characters; one shorter than 9 keeps its last 2 only. */
class AccountMaskTest {

    @Test
    void keepsTheFirstFourAndLastFourOfABankCard() {
        assertThat(AccountMask.of("6222020200112233445")).isEqualTo("6222***********3445");
    }

    @Test
    void masksOneCharacterOfANineCharacterAccount() {
        assertThat(AccountMask.of("123456789")).isEqualTo("1234*6789");
    }

    @Test
    void keepsOnlyTheLastTwoOfAShortAccount() {
        assertThat(AccountMask.of("12345678")).isEqualTo("******78");
        assertThat(AccountMask.of("abcd")).isEqualTo("**cd");
    }

    @Test
    void keepsTheLengthOfTheAccount() {
        String account = "A".repeat(34);

        assertThat(AccountMask.of(account)).hasSize(34).startsWith("AAAA").endsWith("AAAA").contains("*".repeat(26));
    }
}
