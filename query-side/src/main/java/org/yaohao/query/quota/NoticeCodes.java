package org.yaohao.query.quota;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The verification code printed on a quota's confirmation notice: the HMAC-SHA256 of the quota id under
 * {@code yaohao.quota.notice-secret}, its first 80 bits in Crockford base32, four groups of four
 * ({@code 7KQ2-M9XD-…}). Whoever holds a notice can have it confirmed; without the secret no code can be made up,
 * and one code says nothing about another quota's.
 */
final class NoticeCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int MINIMUM_SECRET_LENGTH = 32;

    private final SecretKeySpec key;

    NoticeCodes(String secret) {
        if (secret == null || secret.length() < MINIMUM_SECRET_LENGTH) {
            throw new IllegalStateException("yaohao.quota.notice-secret must have at least " + MINIMUM_SECRET_LENGTH
                    + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String codeOf(String quotaId) {
        byte[] mac;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            mac = hmac.doFinal(quotaId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
        StringBuilder code = new StringBuilder();
        long bits = 0;
        int held = 0;
        for (int i = 0; i < 10; i++) {
            bits = (bits << 8) | (mac[i] & 0xff);
            held += 8;
            while (held >= 5) {
                held -= 5;
                if (code.length() % 5 == 4) {
                    code.append('-');
                }
                code.append(ALPHABET[(int) (bits >>> held) & 31]);
            }
        }
        return code.toString();
    }

    /** A code as a person types it: upper case, O read as 0, I and L as 1, no spaces. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.trim().toUpperCase().replace('O', '0').replace('I', '1').replace('L', '1')
                .replace(" ", "");
    }
}
