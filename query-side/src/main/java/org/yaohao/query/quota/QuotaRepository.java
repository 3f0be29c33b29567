package org.yaohao.query.quota;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.yaohao.query.store.BufferedCollection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.size;

/**
 * Four collections through the plain MongoDB driver, each read by {@code _id} only:
 * <ul>
 *     <li>{@value #QUOTAS}: one {@link QuotaDocument} per quota, keyed by the quota id;</li>
 *     <li>{@value #HOLDERS}: per application code, the holder as the notice shows them (ID number masked);</li>
 *     <li>{@value #WON}: per application code that won, the ids of its quotas in the order issued (the quotas
 *     inside the application's status);</li>
 *     <li>{@value #NOTICE_CODES}: per notice verification code, the quota it belongs to.</li>
 * </ul>
 */
@Repository
public class QuotaRepository {

    static final String QUOTAS = "quotas";
    static final String HOLDERS = "quota_holders";
    static final String WON = "quotas_won";
    static final String NOTICE_CODES = "quota_notice_codes";

    /** An application's holder as shown and the quotas it won. */
    record Holder(String code, String holder, List<String> quotaIds) {
    }

    private final BufferedCollection quotas;
    private final BufferedCollection holders;
    private final BufferedCollection won;
    private final BufferedCollection noticeCodes;

    QuotaRepository(MongoDatabase queryDatabase) {
        this.quotas = new BufferedCollection(queryDatabase.getCollection(QUOTAS));
        this.holders = new BufferedCollection(queryDatabase.getCollection(HOLDERS));
        this.won = new BufferedCollection(queryDatabase.getCollection(WON));
        this.noticeCodes = new BufferedCollection(queryDatabase.getCollection(NOTICE_CODES));
    }

    Optional<QuotaDocument> find(String quotaId) {
        return quotas.find(quotaId).map(QuotaDocument::fromBson);
    }

    /** Replaces the whole document, and files its verification code (both idempotent). */
    void save(QuotaDocument quota) {
        quotas.replace(quota.quotaId(), quota.toBson());
        noticeCodes.replace(quota.verificationCode(),
                new Document("_id", quota.verificationCode()).append("quotaId", quota.quotaId()));
    }

    Optional<Holder> holder(String code) {
        Optional<Document> holder = holders.find(code);
        Optional<Document> quotaIds = won.find(code);
        if (holder.isEmpty() && quotaIds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Holder(code, holder.map(d -> d.getString("holder")).orElse(null),
                List.copyOf(quotaIds.map(d -> d.getList("quotaIds", String.class)).orElse(List.of()))));
    }

    /**
     * Remembers how the notice shows the application's holder, when the application is submitted: the whole document,
     * written without reading it first (a read per submission would be a round trip per application in a rebuild).
     */
    void rememberHolder(String code, String holder) {
        holders.replace(code, new Document("_id", code).append("holder", holder));
    }

    /** Lists a quota among the application's, once. */
    void addQuota(String code, String quotaId) {
        Document document = won.find(code).orElseGet(() -> new Document("_id", code));
        List<String> quotaIds = new ArrayList<>(document.getList("quotaIds", String.class, List.of()));
        if (!quotaIds.contains(quotaId)) {
            quotaIds.add(quotaId);
            document.put("quotaIds", quotaIds);
            won.replace(code, document);
        }
    }

    /** The quotas an application won, in the order issued. */
    List<QuotaDocument> findByApplication(String code) {
        List<QuotaDocument> won = new ArrayList<>();
        holder(code).ifPresent(h -> h.quotaIds().forEach(id -> find(id).ifPresent(won::add)));
        return won;
    }

    Optional<QuotaDocument> findByVerificationCode(String verificationCode) {
        return noticeCodes.find(verificationCode)
                .flatMap(d -> find(d.getString("quotaId")));
    }

    /** How many quotas were issued. The statistics read the whole collection (not a hot path). */
    long countIssued() {
        return quotas.collection().countDocuments();
    }

    /** How many quotas were extended at least once. */
    long countExtended() {
        return quotas.collection().countDocuments() - quotas.collection().countDocuments(size("extensions", 0));
    }
}
