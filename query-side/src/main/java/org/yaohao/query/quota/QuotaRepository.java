package org.yaohao.query.quota;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.size;

/**
 * Three collections through the plain MongoDB driver, each read by {@code _id} only:
 * <ul>
 *     <li>{@value #QUOTAS}: one {@link QuotaDocument} per quota, keyed by the quota id;</li>
 *     <li>{@value #HOLDERS}: per application code, the holder as the notice shows them (ID number masked) and the
 *     ids of the quotas it won, in the order issued (the quotas inside the application's status);</li>
 *     <li>{@value #NOTICE_CODES}: per notice verification code, the quota it belongs to.</li>
 * </ul>
 */
@Repository
public class QuotaRepository {

    static final String QUOTAS = "quotas";
    static final String HOLDERS = "quota_holders";
    static final String NOTICE_CODES = "quota_notice_codes";

    /** An application's holder as shown and the quotas it won. */
    record Holder(String code, String holder, List<String> quotaIds) {
    }

    private final MongoCollection<Document> quotas;
    private final MongoCollection<Document> holders;
    private final MongoCollection<Document> noticeCodes;

    QuotaRepository(MongoDatabase queryDatabase) {
        this.quotas = queryDatabase.getCollection(QUOTAS);
        this.holders = queryDatabase.getCollection(HOLDERS);
        this.noticeCodes = queryDatabase.getCollection(NOTICE_CODES);
    }

    Optional<QuotaDocument> find(String quotaId) {
        return Optional.ofNullable(quotas.find(eq("_id", quotaId)).first()).map(QuotaDocument::fromBson);
    }

    /** Replaces the whole document, and files its verification code (both idempotent). */
    void save(QuotaDocument quota) {
        quotas.replaceOne(eq("_id", quota.quotaId()), quota.toBson(), new ReplaceOptions().upsert(true));
        noticeCodes.replaceOne(eq("_id", quota.verificationCode()),
                new Document("_id", quota.verificationCode()).append("quotaId", quota.quotaId()),
                new ReplaceOptions().upsert(true));
    }

    Optional<Holder> holder(String code) {
        return Optional.ofNullable(holders.find(eq("_id", code)).first())
                .map(d -> new Holder(d.getString("_id"), d.getString("holder"),
                        List.copyOf(d.getList("quotaIds", String.class, List.of()))));
    }

    /** Remembers how the notice shows the application's holder: one upsert, so every submission costs one write. */
    void rememberHolder(String code, String holder) {
        holders.updateOne(eq("_id", code), Updates.set("holder", holder), new UpdateOptions().upsert(true));
    }

    /** Lists a quota among the application's, once. */
    void addQuota(String code, String quotaId) {
        holders.updateOne(eq("_id", code), Updates.addToSet("quotaIds", quotaId), new UpdateOptions().upsert(true));
    }

    /** The quotas an application won, in the order issued. */
    List<QuotaDocument> findByApplication(String code) {
        List<QuotaDocument> won = new ArrayList<>();
        holder(code).ifPresent(h -> h.quotaIds().forEach(id -> find(id).ifPresent(won::add)));
        return won;
    }

    Optional<QuotaDocument> findByVerificationCode(String verificationCode) {
        return Optional.ofNullable(noticeCodes.find(eq("_id", verificationCode)).first())
                .flatMap(d -> find(d.getString("quotaId")));
    }

    /** How many quotas were issued. The statistics read the whole collection (not a hot path). */
    long countIssued() {
        return quotas.countDocuments();
    }

    /** How many quotas were extended at least once. */
    long countExtended() {
        return quotas.countDocuments() - quotas.countDocuments(size("extensions", 0));
    }
}
