package org.yaohao.query.round;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/** The {@value #COLLECTION} collection through the plain MongoDB driver, every access by {@code _id}, the round id. */
@Repository
class RoundRepository {

    static final String COLLECTION = "rounds";

    private final MongoCollection<Document> collection;

    RoundRepository(MongoDatabase queryDatabase) {
        this.collection = queryDatabase.getCollection(COLLECTION);
    }

    Optional<RoundDocument> find(String roundId) {
        return Optional.ofNullable(collection.find(eq("_id", roundId)).first()).map(RoundDocument::fromBson);
    }

    /**
     * Every round, in no particular order. A few rounds a year, so reading them all is cheap; each document holds at
     * most its winners, never the pool entries.
     */
    List<RoundDocument> findAll() {
        List<RoundDocument> all = new ArrayList<>();
        collection.find().forEach(document -> all.add(RoundDocument.fromBson(document)));
        return all;
    }

    /** Inserts or replaces the whole document: the projection computes it in full, so a replace is idempotent. */
    void save(RoundDocument document) {
        collection.replaceOne(eq("_id", document.roundId()), document.toBson(), new ReplaceOptions().upsert(true));
    }
}
