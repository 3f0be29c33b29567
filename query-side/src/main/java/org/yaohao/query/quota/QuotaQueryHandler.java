package org.yaohao.query.quota;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.quota.FindNoticeByVerificationCodeQuery;
import org.yaohao.kernel.quota.FindQuotaExtensionShareQuery;
import org.yaohao.kernel.quota.FindQuotaQuery;
import org.yaohao.kernel.quota.NoticeVerificationView;
import org.yaohao.kernel.quota.QuotaExtensionShareView;
import org.yaohao.kernel.quota.QuotaView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * Answers the quota queries from the {@code quotas} read model. Axon unwraps an {@link Optional}: an absent view
 * travels as a {@code null} payload.
 */
@Component
public class QuotaQueryHandler {

    private final QuotaRepository repository;

    QuotaQueryHandler(QuotaRepository repository) {
        this.repository = repository;
    }

    /** A handler reading the quotas of this database (for tests and tools outside this package). */
    public static QuotaQueryHandler on(com.mongodb.client.MongoDatabase database) {
        return new QuotaQueryHandler(new QuotaRepository(database));
    }

    @QueryHandler
    Optional<QuotaView> handle(FindQuotaQuery query) {
        return repository.find(query.quotaId().value()).map(QuotaDocument::toView);
    }

    @QueryHandler
    Optional<NoticeVerificationView> handle(FindNoticeByVerificationCodeQuery query) {
        return repository.findByVerificationCode(NoticeCodes.normalise(query.verificationCode()))
                .map(QuotaDocument::toVerification);
    }

    @QueryHandler
    QuotaExtensionShareView handle(FindQuotaExtensionShareQuery query) {
        return extensionShare();
    }

    /** The statistics hook: the share of quotas issued that were extended at least once. */
    public QuotaExtensionShareView extensionShare() {
        long issued = repository.countIssued();
        long extended = repository.countExtended();
        BigDecimal percent = issued == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(extended * 100).divide(BigDecimal.valueOf(issued), 1, RoundingMode.HALF_UP);
        return new QuotaExtensionShareView(issued, extended, percent);
    }

    /** The quotas an application won, for its status view. */
    public List<QuotaView> ofApplication(String code) {
        return repository.findByApplication(code).stream().map(QuotaDocument::toView).toList();
    }

    /** The notice's verification code of a quota that exists. */
    Optional<String> verificationCode(String quotaId) {
        return repository.find(quotaId).map(QuotaDocument::verificationCode);
    }
}
