package org.yaohao.command.payment;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A callback is authentic when its header is the hex HMAC-SHA256 of the exact body under the shared secret. */
class CallbackSignatureTest {

    private static final byte[] BODY = "{\"type\":\"PAYMENT\"}".getBytes(StandardCharsets.UTF_8);
    private final CallbackSignature signature = new CallbackSignature("s3cret");

    @Test
    void signsAsTheRfc4231ReferenceHmacSha256() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(CallbackSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void acceptsTheBodysSignatureInEitherCase() {
        String good = CallbackSignature.sign("s3cret", BODY);

        assertThat(signature.verify(BODY, good)).isTrue();
        assertThat(signature.verify(BODY, good.toUpperCase())).isTrue();
    }

    @Test
    void refusesASignatureUnderAnotherSecret() {
        assertThat(signature.verify(BODY, CallbackSignature.sign("other", BODY))).isFalse();
    }

    @Test
    void refusesASignatureOfAnotherBody() {
        String ofOther = CallbackSignature.sign("s3cret", "{\"type\":\"PAYOUT\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature.verify(BODY, ofOther)).isFalse();
    }

    @Test
    void refusesAMissingEmptyOrNonHexSignature() {
        assertThat(signature.verify(BODY, null)).isFalse();
        assertThat(signature.verify(BODY, "")).isFalse();
        assertThat(signature.verify(BODY, "not-hex")).isFalse();
        assertThat(signature.verify(BODY, "abc")).isFalse();
    }

    @Test
    void needsASecret() {
        assertThatThrownBy(() -> new CallbackSignature(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
