package org.yaohao.query.round;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.yaohao.query.store.BufferedCollection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@value #COLLECTION} collection through the plain MongoDB driver, every access by {@code _id}, the round id. */
@Repository
class RoundRepository {

    static final String COLLECTION = "rounds";

    private final BufferedCollection collection;

    RoundRepository(MongoDatabase queryDatabase) {
        this.collection = new BufferedCollection(queryDatabase.getCollection(COLLECTION));
    }

    Optional<RoundDocument> find(String roundId) {
        return collection.find(roundId).map(RoundDocument::fromBson);
    }

    /**
     * Every round, in no particular order. A few rounds a year, so reading them all is cheap; each document holds at
     * most its winners, never the pool entries.
     */
    List<RoundDocument> findAll() {
        List<RoundDocument> all = new ArrayList<>();
        collection.collection().find().forEach(document -> all.add(RoundDocument.fromBson(document)));
        return all;
    }

    /** Inserts or replaces the whole document: the projection computes it in full, so a replace is idempotent. */
    void save(RoundDocument document) {
        collection.replace(document.roundId(), document.toBson());
    }
}
