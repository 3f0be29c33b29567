package org.yaohao.command.payment;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The authenticity of a gateway callback: header {@value #HEADER} is the hex HMAC-SHA256 of the raw request body
 * (the exact bytes sent) under the secret shared with the gateway ({@code yaohao.payment.callback-secret}).
 * Compared in constant time; upper- or lower-case hex.
 */
public final class CallbackSignature {

    public static final String HEADER = "X-Gateway-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public CallbackSignature(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("yaohao.payment.callback-secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The signature a gateway holding {@code secret} puts on {@code body}. */
    public static String sign(String secret, byte[] body) {
        return HexFormat.of().formatHex(new CallbackSignature(secret).mac(body));
    }

    /** Whether {@code signature} (the header's value, possibly absent) is this body's signature. */
    public boolean verify(byte[] body, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(Objects.requireNonNull(body)), given);
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
