package org.yaohao.query.application;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Repository;

import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * The {@code application_status} collection through the plain MongoDB driver. Every access is by {@code _id}, the
 * application code, which is the only look-up the in-process server of the standalone jar answers without a scan.
 */
@Repository
class ApplicationStatusRepository {

    static final String COLLECTION = "application_status";

    private final MongoCollection<Document> collection;

    /** {@code queryDatabase}: the query side's database bean, by name should the application define another. */
    ApplicationStatusRepository(MongoDatabase queryDatabase) {
        this.collection = queryDatabase.getCollection(COLLECTION);
    }

    Optional<ApplicationStatusDocument> find(String code) {
        return Optional.ofNullable(collection.find(eq("_id", code)).first())
                       .map(ApplicationStatusDocument::fromBson);
    }

    /** Inserts or replaces the whole document: the projection computes it in full, so a replace is idempotent. */
    void save(ApplicationStatusDocument document) {
        collection.replaceOne(eq("_id", document.code()), document.toBson(), new ReplaceOptions().upsert(true));
    }
}
