package org.yaohao.query.statistics;

import org.bson.Document;
import org.yaohao.kernel.policy.Policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One pool of one round as {@value StatisticsRepository#POOLS} holds it: the plan, and once frozen and drawn the entries
 * and winners per {@link PoolCell} (kind and weight).
 */
record PoolFigures(String roundId, String pool, String quotaType, String method, String drawDate,
                   String policyVersion, int quota, boolean frozen, long entries, long totalWeight, boolean drawn,
                   long winners, Map<String, Counts> cells) {

    /** Entries and winners of a cell or a band. */
    record Counts(long entries, long winners) {

        Counts plus(Counts other) {
            return new Counts(entries + other.entries, winners + other.winners);
        }

        Double chance() {
            return Chances.share(winners, entries);
        }
    }

    static PoolFigures fromBson(Document d) {
        Map<String, Counts> cells = new TreeMap<>();
        Document entries = d.get("cells", Document.class);
        Document winners = d.get("cellWinners", new Document());
        if (entries != null) {
            entries.forEach((key, value) -> cells.put(key, new Counts(
                    ((Document) value).get("entries", Number.class).longValue(),
                    winners.get(key, Number.class) == null ? 0
                            : winners.get(key, Number.class).longValue())));
        }
        return new PoolFigures(d.getString("roundId"), d.getString("pool"), d.getString("quotaType"),
                               d.getString("method"), d.getString("drawDate"), d.getString("policyVersion"),
                               d.getInteger("quota", 0), d.getBoolean("frozen", false), number(d, "entries"),
                               number(d, "totalWeight"), d.getBoolean("drawn", false), number(d, "winners"), cells);
    }

    private static long number(Document d, String field) {
        Number value = d.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    boolean isLottery() {
        return "LOTTERY".equals(method);
    }

    /** The year of the policy the round belongs to: its id starts with it. */
    String year() {
        return roundId.substring(0, 4);
    }

    /** The cells as lottery groups for {@link Chances#lambda}. */
    List<Chances.Cell> chanceCells() {
        List<Chances.Cell> list = new ArrayList<>();
        cells.forEach((key, counts) -> list.add(new Chances.Cell(counts.entries(), PoolCell.parse(key).weight())));
        return list;
    }

    /** λ of {@link Chances#lambda} for this pool's quota, or empty for a ranking pool. */
    Optional<Double> lambda() {
        return isLottery() ? Optional.of(Chances.lambda(chanceCells(), quota)) : Optional.empty();
    }

    /** The entries and winners of the cells of one kind ({@code INDIVIDUAL}, {@code FAMILY}, …). */
    Counts ofKind(String kind) {
        Counts sum = new Counts(0, 0);
        for (Map.Entry<String, Counts> cell : cells.entrySet()) {
            if (PoolCell.parse(cell.getKey()).kind().equals(kind)) {
                sum = sum.plus(cell.getValue());
            }
        }
        return sum;
    }

    /** The weight of a first-time individual entrant (step 1) under the round's policy, if it has one. */
    Optional<Long> firstTimeWeight(Optional<Policy> policy) {
        if (!isLottery() || !"PERSONAL".equals(pool)) {
            return Optional.empty();
        }
        return policy.map(p -> (long) p.lotteryWeights().individualWeightPerStep());
    }
}
