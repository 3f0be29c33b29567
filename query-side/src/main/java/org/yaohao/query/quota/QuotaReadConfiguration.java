package org.yaohao.query.quota;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * The notice's settings: {@code yaohao.quota.notice-secret} (the HMAC key of verification codes, at least 32
 * characters; its default is for development only) and {@code yaohao.quota.notice.cjk-font} (optional font file with
 * CJK glyphs for the Chinese title).
 */
@Configuration
class QuotaReadConfiguration {

    @Bean
    NoticeCodes noticeCodes(@Value("${yaohao.quota.notice-secret:dev-only-notice-secret-change-me-0123456789}")
                            String secret) {
        return new NoticeCodes(secret);
    }

    @Bean
    ConfirmationNotice confirmationNotice(@Value("${yaohao.quota.notice.cjk-font:}") String cjkFont) {
        return new ConfirmationNotice(cjkFont.isBlank() ? null : Path.of(cjkFont));
    }
}
