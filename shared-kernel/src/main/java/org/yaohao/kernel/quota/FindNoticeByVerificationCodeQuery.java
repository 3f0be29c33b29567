package org.yaohao.kernel.quota;

/** The quota a confirmation notice's verification code belongs to; answered empty when none does. */
public record FindNoticeByVerificationCodeQuery(String verificationCode) {
}
