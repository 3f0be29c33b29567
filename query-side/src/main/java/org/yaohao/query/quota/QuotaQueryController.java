package org.yaohao.query.quota;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.InvalidValueException;
import org.yaohao.kernel.quota.FindNoticeByVerificationCodeQuery;
import org.yaohao.kernel.quota.FindQuotaExtensionShareQuery;
import org.yaohao.kernel.quota.FindQuotaQuery;
import org.yaohao.kernel.quota.NoticeVerificationView;
import org.yaohao.kernel.quota.QuotaExtensionShareView;
import org.yaohao.kernel.quota.QuotaId;
import org.yaohao.kernel.quota.QuotaView;

import java.util.concurrent.CompletableFuture;

/**
 * The quota's read API: the quota, its confirmation notice as PDF, the check of a notice's verification code (public,
 * so anyone shown a notice can check it), and the statistics hook of the share of winners who extended.
 */
@RestController
class QuotaQueryController {

    private final QueryGateway queries;
    private final QuotaQueryHandler quotas;
    private final ConfirmationNotice notice;

    QuotaQueryController(QueryGateway queries, QuotaQueryHandler quotas, ConfirmationNotice notice) {
        this.queries = queries;
        this.quotas = quotas;
        this.notice = notice;
    }

    @GetMapping(path = "/api/quotas/{quotaId}", produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<QuotaView> quota(@PathVariable String quotaId) {
        QuotaId id = parse(quotaId);
        return find(id);
    }

    @GetMapping(path = "/api/quotas/{quotaId}/notice", produces = MediaType.APPLICATION_PDF_VALUE)
    CompletableFuture<ResponseEntity<byte[]>> notice(@PathVariable String quotaId) {
        QuotaId id = parse(quotaId);
        return find(id).thenApply(quota -> {
            String code = quotas.verificationCode(quota.quotaId()).orElseThrow();
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                            .filename("quota-notice-" + quota.quotaId() + ".pdf").build().toString())
                    .body(notice.render(quota, code));
        });
    }

    @GetMapping(path = "/api/quotas/verification/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<NoticeVerificationView> verify(@PathVariable String code) {
        return queries.query(new FindNoticeByVerificationCodeQuery(code),
                        ResponseTypes.optionalInstanceOf(NoticeVerificationView.class))
                .thenApply(found -> found.orElseThrow(() -> new QuotaProblem(ErrorCode.NOTICE_NOT_FOUND, "code",
                        "no confirmation notice has this verification code; the notice is not genuine")));
    }

    @GetMapping(path = "/api/statistics/quota-extensions", produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<QuotaExtensionShareView> extensionShare() {
        return queries.query(new FindQuotaExtensionShareQuery(), QuotaExtensionShareView.class);
    }

    private CompletableFuture<QuotaView> find(QuotaId id) {
        return queries.query(new FindQuotaQuery(id), ResponseTypes.optionalInstanceOf(QuotaView.class))
                .thenApply(found -> found.orElseThrow(() -> new QuotaProblem(ErrorCode.QUOTA_NOT_FOUND, "quotaId",
                        "no quota has id " + id)));
    }

    private static QuotaId parse(String quotaId) {
        try {
            return QuotaId.parse(quotaId);
        } catch (InvalidValueException e) {
            throw new QuotaProblem(e.errorCode(), "quotaId", e.getMessage());
        }
    }
}
