package org.yaohao.query.application;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.policy.AllocationMethod;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.round.RoundStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Reads the next round of a quota type from the rounds projection's collection ({@value #ROUNDS}, written by
 * {@code org.yaohao.query.round.RoundsProjection}): only the fields the recommendation needs (id, status, draw date,
 * the planned pools with method and quota), read-only. A few rounds a year, so the filter is cheap.
 */
@Repository
class ScheduledRoundReader {

    /** The rounds projection's collection ({@code RoundRepository.COLLECTION}). */
    static final String ROUNDS = "rounds";

    private final MongoCollection<Document> rounds;

    ScheduledRoundReader(MongoDatabase queryDatabase) {
        this.rounds = queryDatabase.getCollection(ROUNDS);
    }

    /** The earliest round of the type (by draw date, a round without one last, then id) not yet frozen. */
    Optional<NextRound> next(QuotaType quotaType) {
        List<NextRound> found = new ArrayList<>();
        rounds.find(and(eq("quotaType", quotaType.name()),
                        in("status", RoundStatus.SCHEDULED.name(), RoundStatus.SEED_COMMITTED.name())))
              .forEach(d -> found.add(new NextRound(
                      d.getString("_id"),
                      d.getString("drawDate") == null ? null : LocalDate.parse(d.getString("drawDate")),
                      d.getList("pools", Document.class, List.of()).stream()
                       .map(p -> new PlannedPool(PoolKind.valueOf(p.getString("pool")),
                                                 AllocationMethod.valueOf(p.getString("method")),
                                                 p.getInteger("quota", 0)))
                       .toList())));
        return found.stream().min(Comparator.comparing(NextRound::drawDate,
                                                       Comparator.nullsLast(Comparator.naturalOrder()))
                                            .thenComparing(NextRound::roundId));
    }

    record NextRound(String roundId, LocalDate drawDate, List<PlannedPool> pools) {

        Optional<PlannedPool> pool(PoolKind kind) {
            return pools.stream().filter(p -> p.pool() == kind).findFirst();
        }
    }

    record PlannedPool(PoolKind pool, AllocationMethod method, int quota) {
    }
}
