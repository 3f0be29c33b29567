package org.yaohao.command.payment;

/**
 * How an account is shown once the gateway has it: the first 4 and the last 4 characters, {@code *} between
 * ({@code 6222020200112233445} → {@code 6222***********3445}); an account shorter than 9 characters keeps only its
 * last 2 ({@code 12345678} → {@code ******78}).
 */
final class AccountMask {

    private AccountMask() {
    }

    static String of(String account) {
        int length = account.length();
        if (length >= 9) {
            return account.substring(0, 4) + "*".repeat(length - 8) + account.substring(length - 4);
        }
        int kept = Math.min(2, Math.max(0, length - 1));
        return "*".repeat(length - kept) + account.substring(length - kept);
    }
}
