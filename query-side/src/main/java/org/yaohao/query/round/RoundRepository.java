package org.yaohao.query.round;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.query.store.BufferedCollection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * The {@value #COLLECTION} collection through the plain MongoDB driver, every access by {@code _id}, the round id.
 * Written last in a batch (rank 2): a round that shows its pools frozen or drawn has its entrants' statuses and
 * results written already.
 * <p>
 * A drawn pool's winners (30,000 at full scale) are kept apart, in {@value #WINNERS} ({@code _id} =
 * {@code <roundId>/<POOL>}, codes and sequence numbers in draw order): the in-process server copies a whole document
 * on every read, and a look-up of one entrant's result reads the round's summary.
 */
@Repository
class RoundRepository {

    static final String COLLECTION = "rounds";
    static final String WINNERS = "round_winners";

    private static final Bson WITHOUT_POOLS = Projections.exclude("pools");

    private final BufferedCollection collection;
    private final BufferedCollection winners;

    RoundRepository(MongoDatabase queryDatabase) {
        this.collection = new BufferedCollection(queryDatabase.getCollection(COLLECTION), 2);
        this.winners = new BufferedCollection(queryDatabase.getCollection(WINNERS), 1);
    }

    /** The round with its drawn pools' winners. */
    Optional<RoundDocument> find(String roundId) {
        return collection.find(roundId).map(RoundDocument::fromBson).map(round -> {
            RoundDocument withWinners = round;
            for (RoundDocument.PoolSummary pool : round.pools()) {
                if (pool.drawId() != null) {
                    Optional<Document> drawn = winners.find(winnersId(roundId, pool.pool()));
                    if (drawn.isPresent()) {
                        withWinners = withWinners.withWinners(pool.pool(), RoundDocument.winnersFromBson(drawn.get()));
                    }
                }
            }
            return withWinners;
        });
    }

    /**
     * The round without its pools: what a summary shows. A drawn round's document holds its winners (30,000 at full
     * scale); a look-up of one entrant's result asks for the summary first and must not read them all.
     */
    Optional<RoundDocument> findSummary(String roundId) {
        return Optional.ofNullable(collection.collection().find(eq("_id", roundId)).projection(WITHOUT_POOLS).first())
                       .map(RoundDocument::fromBson);
    }

    /** Every round without its pools, in no particular order (a few rounds a year). */
    List<RoundDocument> findAllSummaries() {
        List<RoundDocument> all = new ArrayList<>();
        collection.collection().find().projection(WITHOUT_POOLS)
                  .forEach(document -> all.add(RoundDocument.fromBson(document)));
        return all;
    }

    /**
     * Inserts or replaces the whole document, and the winners of its drawn pools: the projection computes it in full,
     * so a replace is idempotent.
     */
    void save(RoundDocument document) {
        for (RoundDocument.PoolSummary pool : document.pools()) {
            if (!pool.winners().isEmpty()) {
                String id = winnersId(document.roundId(), pool.pool());
                winners.replace(id, RoundDocument.winnersToBson(id, pool.winners()));
            }
        }
        collection.replace(document.roundId(), document.toBson());
    }

    private static String winnersId(String roundId, PoolKind pool) {
        return roundId + "/" + pool.name();
    }
}
