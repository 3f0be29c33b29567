package org.yaohao.query.quota;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.quota.QuotaExpiredEvent;
import org.yaohao.kernel.quota.QuotaExtendedEvent;
import org.yaohao.kernel.quota.QuotaExtensionLapsedEvent;
import org.yaohao.kernel.quota.QuotaExtensionRequestedEvent;
import org.yaohao.kernel.quota.QuotaIssuedEvent;
import org.yaohao.kernel.quota.QuotaRevokedEvent;
import org.yaohao.kernel.quota.QuotaStatus;
import org.yaohao.kernel.quota.QuotaUsedEvent;
import org.yaohao.kernel.quota.QuotaView;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Keeps the {@code quotas} read model: each quota's status, validity, extensions, registration, expiry or
 * revocation, its holder as the confirmation notice shows them (remembered from the application's submission, ID
 * number masked), and the notice's verification code.
 * <p>
 * Idempotent: a quota remembers its aggregate's sequence number of the last event applied and ignores an event at or
 * below it; the holder is written whole at submission, and an application's list of quotas won lists each once.
 */
@Component
@ProcessingGroup(QuotaProjection.PROCESSING_GROUP)
public class QuotaProjection {

    /** The processing group (and event processor) name; its tracking token lives with the documents. */
    public static final String PROCESSING_GROUP = "quotas";

    private static final Logger log = LoggerFactory.getLogger(QuotaProjection.class);

    private final QuotaRepository repository;
    private final NoticeCodes noticeCodes;

    QuotaProjection(QuotaRepository repository, NoticeCodes noticeCodes) {
        this.repository = repository;
        this.noticeCodes = noticeCodes;
    }

    /** The collections this projection writes: what a rebuild replaces. */
    public static final List<String> COLLECTIONS = List.of(QuotaRepository.QUOTAS, QuotaRepository.HOLDERS,
                                                           QuotaRepository.WON, QuotaRepository.NOTICE_CODES);

    /** A fresh instance writing into {@code database}, with the application's notice codes: a rebuild. */
    public static Object writingTo(MongoDatabase database, BeanFactory beans) {
        return new QuotaProjection(new QuotaRepository(database), beans.getBean(NoticeCodes.class));
    }

    @EventHandler
    void on(ApplicationSubmittedEvent event) {
        String code = event.code().value();
        repository.rememberHolder(code, event.kind() == ApplicantKind.ENTERPRISE
                ? event.enterprise().creditCode().value() : event.applicant().idNumber().masked());
    }

    @EventHandler
    void on(QuotaIssuedEvent event, @SequenceNumber long sequence) {
        String id = event.quotaId().value();
        String code = event.code().value();
        if (repository.find(id).filter(q -> q.hasApplied(sequence)).isPresent()) {
            log.debug("Issue of quota {} already applied", id);
            return;
        }
        String holder = repository.holder(code).map(QuotaRepository.Holder::holder).orElse(null);
        repository.save(new QuotaDocument(id, code, event.roundId().value(), event.quotaType(), QuotaStatus.VALID,
                holder, event.issuedOn(), event.validUntil(), List.of(), null, null, null, null,
                noticeCodes.codeOf(id), sequence));
        repository.addQuota(code, id);
    }

    @EventHandler
    void on(QuotaExtensionRequestedEvent event, @SequenceNumber long sequence) {
        change(event.quotaId().value(), sequence, q -> q.requested(new QuotaView.PendingExtension(event.extension(),
                event.fee().fen(), event.requestedAt(), event.lapsesAt()), sequence));
    }

    @EventHandler
    void on(QuotaExtendedEvent event, @SequenceNumber long sequence) {
        change(event.quotaId().value(), sequence, q -> q.extended(new QuotaView.Extension(event.extension(),
                event.validUntil(), event.fee().fen(), event.paidAt()), sequence));
    }

    @EventHandler
    void on(QuotaExtensionLapsedEvent event, @SequenceNumber long sequence) {
        change(event.quotaId().value(), sequence, q -> q.lapsed(sequence));
    }

    @EventHandler
    void on(QuotaUsedEvent event, @SequenceNumber long sequence) {
        change(event.quotaId().value(), sequence, q -> q.used(new QuotaView.Registration(event.vin().value(),
                event.plateNumber().value(), event.registeredOn()), sequence));
    }

    @EventHandler
    void on(QuotaExpiredEvent event, @SequenceNumber long sequence) {
        change(event.quotaId().value(), sequence, q -> q.expired(event.expiredAt(), sequence));
    }

    @EventHandler
    void on(QuotaRevokedEvent event, @SequenceNumber long sequence) {
        change(event.quotaId().value(), sequence, q -> q.revoked(new QuotaView.Revocation(event.reason(),
                event.revokedAt()), sequence));
    }

    private void change(String quotaId, long sequence, UnaryOperator<QuotaDocument> change) {
        QuotaDocument quota = repository.find(quotaId).orElse(null);
        if (quota == null) {
            log.warn("No quota {}; event at sequence {} skipped", quotaId, sequence);
            return;
        }
        if (quota.hasApplied(sequence)) {
            log.debug("Event of quota {} at sequence {} already applied", quotaId, sequence);
            return;
        }
        repository.save(change.apply(quota));
    }
}
