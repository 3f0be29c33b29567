package org.yaohao.kernel.draw;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The order of codes in a pool and in a ranking tie-break: ascending by their UTF-8 bytes, compared unsigned and
 * lexicographically (a code that is a prefix of another comes first). For ASCII codes this is {@link String}
 * order; beyond the Basic Multilingual Plane it is not, which is why it is spelled out here.
 */
final class CodeOrder {

    private CodeOrder() {
    }

    static int compare(String a, String b) {
        return compareBytes(utf8(a), utf8(b));
    }

    static int compareBytes(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    static byte[] utf8(String code) {
        return code.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code s} is well-formed UTF-16 (no unpaired surrogate), so that its UTF-8 bytes are exact. */
    static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
