package org.yaohao.query.round;

import org.bson.Document;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.policy.AllocationMethod;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.policy.PoolPlan;
import org.yaohao.kernel.round.RoundResultsView;
import org.yaohao.kernel.round.RoundStatus;
import org.yaohao.kernel.round.RoundSummaryView;
import org.yaohao.kernel.round.RoundView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One round as stored in the {@value RoundRepository#COLLECTION} collection, {@code _id} = the round id: what the
 * public and regulators read. Mapped to and from {@link Document} by hand so the stored shape is explicit.
 * <p>
 * The frozen pools' entries are deliberately not here (a pool can have millions of entries): their canonical text
 * lives in {@value FrozenPoolRepository#COLLECTION}, see {@link FrozenPoolText}. The winners are (one per quota, a
 * few tens of thousands at most, far below MongoDB's 16 MB per document). No personal data: codes only.
 * Fields without a value are left out of the stored document and read back as absent.
 *
 * @param pools        in the order of the round's plan
 * @param lastSequence the round aggregate's sequence number of the last event applied; an event at or below it was
 *                     already applied and is ignored (redelivery, replay)
 */
record RoundDocument(String roundId,
                     QuotaType quotaType,
                     RoundStatus status,
                     String policyVersion,
                     LocalDate drawDate,
                     LocalDate cutOff,
                     String commitment,
                     LocalDate publishedOn,
                     List<PoolSummary> pools,
                     long lastSequence) {

    RoundDocument {
        pools = pools == null ? List.of() : List.copyOf(pools);
    }

    /** A round just scheduled: its pools as planned, nothing frozen or drawn. */
    static RoundDocument scheduled(String roundId, QuotaType quotaType, LocalDate drawDate, LocalDate cutOff,
                                   List<PoolPlan> plan, String policyVersion, long sequence) {
        return new RoundDocument(roundId, quotaType, RoundStatus.SCHEDULED, policyVersion, drawDate, cutOff, null,
                                 null, plan.stream().map(PoolSummary::planned).toList(), sequence);
    }

    /** Whether the event with this aggregate sequence number has already been applied. */
    boolean hasApplied(long sequence) {
        return sequence <= lastSequence;
    }

    RoundDocument seedCommitted(String newCommitment, long sequence) {
        return new RoundDocument(roundId, quotaType, RoundStatus.SEED_COMMITTED, policyVersion, drawDate, cutOff,
                                 newCommitment, publishedOn, pools, sequence);
    }

    /** The document with one pool changed (appended when the plan did not have it) and the new status. */
    RoundDocument withPool(PoolKind pool, UnaryOperator<PoolSummary> change, PoolSummary ifAbsent,
                           RoundStatus newStatus, long sequence) {
        List<PoolSummary> updated = new ArrayList<>(pools);
        int index = updated.stream().map(PoolSummary::pool).toList().indexOf(pool);
        if (index < 0) {
            updated.add(change.apply(ifAbsent));
        } else {
            updated.set(index, change.apply(updated.get(index)));
        }
        // a round is frozen (drawn) once every pool is: its pools are frozen and drawn in one command each, but a
        // large pool's events are projected over several batches, in which the next pool still shows as planned
        RoundStatus reached = updated.stream().allMatch(p -> p.reached(newStatus)) ? newStatus : status;
        return new RoundDocument(roundId, quotaType, reached, policyVersion, drawDate, cutOff, commitment,
                                 publishedOn, updated, sequence);
    }

    RoundDocument published(LocalDate on, long sequence) {
        return new RoundDocument(roundId, quotaType, RoundStatus.RESULTS_PUBLISHED, policyVersion, drawDate, cutOff,
                                 commitment, on, pools, sequence);
    }

    /** Whether the winners are known: the round is drawn, or its results published. */
    boolean isDrawn() {
        return status == RoundStatus.DRAWN || status == RoundStatus.RESULTS_PUBLISHED;
    }

    RoundView toView() {
        return new RoundView(roundId, quotaType, status, policyVersion, drawDate, cutOff, commitment, publishedOn,
                             pools.stream().map(PoolSummary::toView).toList());
    }

    RoundSummaryView toSummaryView() {
        return new RoundSummaryView(roundId, quotaType, status, drawDate, cutOff, policyVersion);
    }

    RoundResultsView toResultsView() {
        return new RoundResultsView(roundId, status, publishedOn, pools.stream()
                .map(p -> new RoundResultsView.PoolResults(p.pool(), p.method(), p.quota(), p.drawId(),
                                                           p.winnerViews()))
                .toList());
    }

    /**
     * One pool of the round. Frozen: {@code entryCount}, {@code totalWeight}, {@code digest}, {@code frozenAsOf}.
     * Drawn: {@code drawId}, {@code algorithm}, {@code seed}, {@code winners} in draw order.
     */
    record PoolSummary(PoolKind pool, AllocationMethod method, int quota,
                       Integer entryCount, Long totalWeight, String digest, Instant frozenAsOf,
                       String drawId, String algorithm, String seed, List<Winner> winners) {

        PoolSummary {
            winners = winners == null ? List.of() : List.copyOf(winners);
        }

        static PoolSummary planned(PoolPlan plan) {
            return new PoolSummary(plan.pool(), plan.method(), plan.quota(), null, null, null, null, null, null, null,
                                   List.of());
        }

        PoolSummary frozen(AllocationMethod newMethod, int newQuota, int entries, long weight, String newDigest,
                           Instant asOf) {
            return new PoolSummary(pool, newMethod, newQuota, entries, weight, newDigest, asOf, drawId, algorithm,
                                   seed, winners);
        }

        PoolSummary drawn(String newDrawId, String newAlgorithm, String newSeed, List<Winner> newWinners) {
            return new PoolSummary(pool, method, quota, entryCount, totalWeight, digest, frozenAsOf, newDrawId,
                                   newAlgorithm, newSeed, newWinners);
        }

        /** Whether this pool is frozen ({@code POOLS_FROZEN}) or drawn ({@code DRAWN}); other statuses are the round's. */
        boolean reached(RoundStatus status) {
            return switch (status) {
                case POOLS_FROZEN -> digest != null;
                case DRAWN -> drawId != null;
                default -> true;
            };
        }

        List<RoundView.Winner> winnerViews() {
            return winners.stream().map(w -> new RoundView.Winner(w.sequence(), w.code())).toList();
        }

        RoundView.PoolView toView() {
            return new RoundView.PoolView(pool, method, quota, entryCount, totalWeight, digest, frozenAsOf, drawId,
                                          algorithm, seed, winnerViews());
        }
    }

    /** A winner: sequence number (中签顺序号) and code. */
    record Winner(int sequence, String code) {
    }

    // ---- mapping to and from BSON -------------------------------------------------------------------------------

    Document toBson() {
        return withoutNulls(new Document("_id", roundId)
                .append("quotaType", name(quotaType))
                .append("status", name(status))
                .append("policyVersion", policyVersion)
                .append("drawDate", text(drawDate))
                .append("cutOff", text(cutOff))
                .append("commitment", commitment)
                .append("publishedOn", text(publishedOn))
                .append("pools", pools.stream().map(p -> withoutNulls(new Document("pool", name(p.pool()))
                        .append("method", name(p.method()))
                        .append("quota", p.quota())
                        .append("entryCount", p.entryCount())
                        .append("totalWeight", p.totalWeight())
                        .append("digest", p.digest())
                        .append("frozenAsOf", p.frozenAsOf() == null ? null : Date.from(p.frozenAsOf()))
                        .append("drawId", p.drawId())
                        .append("algorithm", p.algorithm())
                        .append("seed", p.seed()))).toList())
                .append("lastSequence", lastSequence));
    }

    /**
     * A drawn pool's winners, kept apart from the round document (see {@link RoundRepository}): their codes and
     * sequence numbers in draw order, as two arrays.
     */
    static Document winnersToBson(String id, List<Winner> winners) {
        return new Document("_id", id)
                .append("sequences", winners.stream().map(Winner::sequence).toList())
                .append("codes", winners.stream().map(Winner::code).toList());
    }

    static List<Winner> winnersFromBson(Document d) {
        List<Integer> sequences = d.getList("sequences", Integer.class, List.of());
        List<String> codes = d.getList("codes", String.class, List.of());
        List<Winner> winners = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            winners.add(new Winner(sequences.get(i), codes.get(i)));
        }
        return winners;
    }

    /** This round with the given pool's winners (read from where they are kept). */
    RoundDocument withWinners(PoolKind pool, List<Winner> winners) {
        return new RoundDocument(roundId, quotaType, status, policyVersion, drawDate, cutOff, commitment, publishedOn,
                                 pools.stream().map(p -> p.pool() != pool ? p : p.drawn(p.drawId(), p.algorithm(),
                                                                                        p.seed(), winners)).toList(),
                                 lastSequence);
    }

    static RoundDocument fromBson(Document d) {
        return new RoundDocument(
                d.getString("_id"),
                parse(QuotaType.class, d.getString("quotaType")),
                parse(RoundStatus.class, d.getString("status")),
                d.getString("policyVersion"),
                date(d.getString("drawDate")),
                date(d.getString("cutOff")),
                d.getString("commitment"),
                date(d.getString("publishedOn")),
                d.getList("pools", Document.class, List.of()).stream().map(p -> new PoolSummary(
                        parse(PoolKind.class, p.getString("pool")),
                        parse(AllocationMethod.class, p.getString("method")),
                        p.getInteger("quota", 0),
                        p.getInteger("entryCount"),
                        p.get("totalWeight") == null ? null : p.get("totalWeight", Number.class).longValue(),
                        p.getString("digest"),
                        p.getDate("frozenAsOf") == null ? null : p.getDate("frozenAsOf").toInstant(),
                        p.getString("drawId"),
                        p.getString("algorithm"),
                        p.getString("seed"),
                        p.getList("winners", Document.class, List.of()).stream()
                         .map(w -> new Winner(w.getInteger("sequence"), w.getString("code")))
                         .toList())).toList(),
                d.get("lastSequence", Number.class).longValue());
    }

    private static Document withoutNulls(Document document) {
        document.values().removeIf(value -> value == null);
        return document;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** Dates as ISO text ({@code 2023-05-26}): they read as written and sort. */
    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
