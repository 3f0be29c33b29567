package org.yaohao.query.statistics;

import org.bson.Document;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.RejectionReason;
import org.yaohao.kernel.common.Channel;
import org.yaohao.kernel.common.District;
import org.yaohao.kernel.policy.Policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.yaohao.query.statistics.StatisticsRepository.LOOKUPS;
import static org.yaohao.query.statistics.StatisticsRepository.MONTHLY;
import static org.yaohao.query.statistics.StatisticsRepository.POOLS;
import static org.yaohao.query.statistics.StatisticsRepository.QUOTAS;

/**
 * The statistics tables, computed on reading from the counters of {@link StatisticsRepository}. Every table that is
 * per month has a last row {@value #ALL} over all months. Chances are shares in [0, 1].
 */
@Component
class StatisticsTables {

    /** The month (or hour) column's value of the row over all of them. */
    static final String ALL = "all";

    /** The tables by name, in the order the index lists them. */
    private final Map<String, Function<StatisticsTables, Table>> tables = new LinkedHashMap<>();

    private final StatisticsRepository repository;
    private final StatisticsPolicies policies;

    StatisticsTables(StatisticsRepository repository, StatisticsPolicies policies) {
        this.repository = repository;
        this.policies = policies;
        tables.put("rounds", StatisticsTables::rounds);
        tables.put("bands", StatisticsTables::bands);
        tables.put("odds", StatisticsTables::odds);
        tables.put("applications", StatisticsTables::applications);
        tables.put("prequalification", StatisticsTables::prequalification);
        tables.put("rejection-reasons", StatisticsTables::rejectionReasons);
        tables.put("channels", StatisticsTables::channels);
        tables.put("districts", StatisticsTables::districts);
        tables.put("quotas", StatisticsTables::quotas);
        tables.put("lookups", StatisticsTables::lookups);
        tables.put("lookups-by-hour", StatisticsTables::lookupsByHour);
    }

    List<String> names() {
        return List.copyOf(tables.keySet());
    }

    Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name)).map(build -> build.apply(this));
    }

    /** The pools of every round, by draw date, round and pool. */
    List<PoolFigures> pools() {
        return repository.all(POOLS).stream().map(PoolFigures::fromBson)
                         .sorted(Comparator.comparing(PoolFigures::drawDate, Comparator.nullsLast(String::compareTo))
                                           .thenComparing(PoolFigures::roundId).thenComparing(PoolFigures::pool))
                         .toList();
    }

    Optional<Policy> policyOf(PoolFigures pool) {
        return policies.version(pool.policyVersion());
    }

    Table rounds() {
        List<List<Object>> rows = new ArrayList<>();
        for (PoolFigures pool : pools()) {
            Optional<Long> firstTimeWeight = pool.firstTimeWeight(policyOf(pool));
            PoolFigures.Counts firstTime = firstTimeWeight
                    .map(w -> pool.cells().getOrDefault(PoolCell.key(
                            ApplicantKind.INDIVIDUAL, w), new PoolFigures.Counts(0, 0)))
                    .orElse(null);
            Double expected = firstTimeWeight.isPresent() && pool.frozen()
                    ? Chances.round(Chances.expected(pool.lambda().orElse(0d), firstTimeWeight.get())) : null;
            rows.add(row(pool.roundId(), pool.pool(), pool.quotaType(), pool.method(), pool.drawDate(), pool.quota(),
                         pool.frozen() ? pool.entries() : null, pool.frozen() ? pool.totalWeight() : null,
                         pool.drawn() ? pool.winners() : null,
                         pool.drawn() ? Chances.share(pool.winners(), pool.entries()) : null,
                         firstTime == null ? null : firstTime.entries(),
                         firstTime == null || !pool.drawn() ? null : firstTime.winners(),
                         firstTime == null || !pool.drawn() ? null : firstTime.chance(), expected));
        }
        return new Table("rounds", List.of("round", "pool", "quotaType", "method", "drawDate", "quota", "entries",
                                           "totalWeight", "winners", "chance", "firstTimeEntries", "firstTimeWinners",
                                           "firstTimeChance", "firstTimeExpectedChance"), rows);
    }

    Table bands() {
        List<List<Object>> rows = new ArrayList<>();
        for (PoolFigures pool : pools()) {
            Optional<Policy> policy = policyOf(pool);
            Optional<Double> lambda = pool.lambda();
            Map<Band, long[]> bands = new TreeMap<>(Comparator.comparing(Band::group).thenComparing(Band::order)
                                                              .thenComparing(Band::label));
            pool.cells().forEach((key, counts) -> {
                PoolCell cell = PoolCell.parse(key);
                long[] sums = bands.computeIfAbsent(Band.of(cell, pool.isLottery(), policy),
                                                    b -> new long[]{0, 0, Long.MAX_VALUE, 0});
                sums[0] += counts.entries();
                sums[1] += counts.winners();
                sums[2] = Math.min(sums[2], cell.weight());
                sums[3] = Math.max(sums[3], cell.weight());
            });
            bands.forEach((band, sums) -> {
                Double expected = lambda.map(l -> Chances.round(pool.cells().entrySet().stream()
                        .filter(c -> Band.of(PoolCell.parse(c.getKey()), true, policy).equals(band))
                        .mapToDouble(c -> c.getValue().entries()
                                          * Chances.expected(l, PoolCell.parse(c.getKey()).weight()))
                        .sum() / sums[0])).orElse(null);
                rows.add(row(pool.roundId(), pool.pool(), band.group(), band.label(), sums[2], sums[3], sums[0],
                             pool.drawn() ? sums[1] : null, pool.drawn() ? Chances.share(sums[1], sums[0]) : null,
                             expected));
            });
        }
        return new Table("bands", List.of("round", "pool", "group", "band", "minWeight", "maxWeight", "entries",
                                          "winners", "chance", "expectedChance"), rows);
    }

    /**
     * The guide's comparisons, measured per policy year over the drawn pools: new-energy (its FAMILY and INDIVIDUAL
     * pools) against ordinary (PERSONAL); families against individuals in the ordinary shared pool and in new-energy.
     */
    Table odds() {
        Map<String, List<PoolFigures>> byYear = new TreeMap<>();
        pools().stream().filter(PoolFigures::drawn).forEach(p -> byYear.computeIfAbsent(p.year(), y -> new ArrayList<>())
                                                                        .add(p));
        List<List<Object>> rows = new ArrayList<>();
        byYear.forEach((year, pools) -> {
            PoolFigures.Counts ordinary = sum(pools, p -> p.quotaType().equals("ORDINARY") && p.pool().equals("PERSONAL"),
                                             p -> new PoolFigures.Counts(p.entries(), p.winners()));
            PoolFigures.Counts newEnergy = sum(pools, p -> p.quotaType().equals("NEW_ENERGY")
                                                          && !p.pool().equals("ENTERPRISE"),
                                              p -> new PoolFigures.Counts(p.entries(), p.winners()));
            rows.add(comparison(year, "new-energy vs ordinary", "NEW_ENERGY FAMILY+INDIVIDUAL", newEnergy,
                                "ORDINARY PERSONAL", ordinary));
            rows.add(comparison(year, "family vs individual, ordinary", "FAMILY",
                                sum(pools, p -> p.pool().equals("PERSONAL"), p -> p.ofKind("FAMILY")), "INDIVIDUAL",
                                sum(pools, p -> p.pool().equals("PERSONAL"), p -> p.ofKind("INDIVIDUAL"))));
            rows.add(comparison(year, "family vs individual, new-energy", "FAMILY",
                                sum(pools, p -> p.quotaType().equals("NEW_ENERGY") && p.pool().equals("FAMILY"),
                                    p -> new PoolFigures.Counts(p.entries(), p.winners())), "INDIVIDUAL",
                                sum(pools, p -> p.quotaType().equals("NEW_ENERGY") && p.pool().equals("INDIVIDUAL"),
                                    p -> new PoolFigures.Counts(p.entries(), p.winners()))));
        });
        return new Table("odds", List.of("year", "comparison", "groupA", "entriesA", "winnersA", "chanceA", "groupB",
                                         "entriesB", "winnersB", "chanceB", "ratio"), rows);
    }

    private static PoolFigures.Counts sum(List<PoolFigures> pools, Predicate<PoolFigures> which,
                                          Function<PoolFigures, PoolFigures.Counts> counts) {
        return pools.stream().filter(which).map(counts).reduce(new PoolFigures.Counts(0, 0), PoolFigures.Counts::plus);
    }

    private static List<Object> comparison(String year, String comparison, String a, PoolFigures.Counts countsA,
                                           String b, PoolFigures.Counts countsB) {
        return row(year, comparison, a, countsA.entries(), countsA.winners(), countsA.chance(), b, countsB.entries(),
                   countsB.winners(), countsB.chance(), Chances.ratio(countsA.chance(), countsB.chance()));
    }

    Table applications() {
        List<List<Object>> rows = new ArrayList<>();
        for (Document month : monthsWithTotal()) {
            rows.add(row(month.getString("_id"), count(month, "submitted"), count(month, "byKind.INDIVIDUAL"),
                         count(month, "byKind.FAMILY"), count(month, "byKind.ENTERPRISE")));
        }
        return new Table("applications", List.of("month", "submitted", "individual", "family", "enterprise"), rows);
    }

    Table prequalification() {
        List<List<Object>> rows = new ArrayList<>();
        for (Document month : monthsWithTotal()) {
            rows.add(row(month.getString("_id"), count(month, "decided"), count(month, "prequalified"),
                         count(month, "rejected"), Chances.share(count(month, "rejected"), count(month, "decided")),
                         count(month, "manualReview")));
        }
        return new Table("prequalification", List.of("month", "decided", "prequalified", "rejected", "rejectionRate",
                                                     "manualReview"), rows);
    }

    Table rejectionReasons() {
        List<List<Object>> rows = new ArrayList<>();
        for (Document month : monthsWithTotal()) {
            for (RejectionReason reason : RejectionReason.values()) {
                long rejected = count(month, "rejectedByReason." + reason.name());
                if (rejected > 0) {
                    rows.add(row(month.getString("_id"), reason.name(), rejected,
                                 Chances.share(rejected, count(month, "decided")),
                                 Chances.share(rejected, count(month, "rejected"))));
                }
            }
        }
        return new Table("rejection-reasons", List.of("month", "reason", "rejected", "shareOfDecided",
                                                      "shareOfRejected"), rows);
    }

    Table channels() {
        List<String> channels = new ArrayList<>(Arrays.stream(Channel.values()).map(Enum::name).toList());
        channels.add("UNKNOWN");
        return shares("channels", "channel", "byChannel.", channels, "submitted", "share");
    }

    Table districts() {
        return shares("districts", "district", "byDistrict.", Arrays.stream(District.values()).map(Enum::name).toList(),
                      "byChannel." + Channel.COUNTER.name(), "shareOfCounter");
    }

    private Table shares(String name, String column, String prefix, List<String> values, String whole,
                         String shareColumn) {
        List<List<Object>> rows = new ArrayList<>();
        for (Document month : monthsWithTotal()) {
            for (String value : values) {
                long applications = count(month, prefix + value);
                if (applications > 0) {
                    rows.add(row(month.getString("_id"), value, applications,
                                 Chances.share(applications, count(month, whole))));
                }
            }
        }
        return new Table(name, List.of("month", column, "applications", shareColumn), rows);
    }

    /**
     * Quotas per round they were won in. Extensions, use and expiry are not recorded by the system yet: their columns
     * stay empty (not 0) until they are, and the note says so.
     */
    Table quotas() {
        Map<String, Long> winners = new TreeMap<>();
        pools().stream().filter(PoolFigures::drawn).forEach(p -> winners.merge(p.roundId(), p.winners(), Long::sum));
        List<List<Object>> rows = new ArrayList<>();
        for (Document round : repository.all(QUOTAS)) {
            String id = round.getString("_id");
            rows.add(row(id, round.getString("quotaType"), winners.get(id), count(round, "issued"), null, null, null,
                         null, "extensions, use and expiry are not recorded yet"));
        }
        return new Table("quotas", List.of("round", "quotaType", "winners", "issued", "extended", "extendedShare",
                                           "used", "expired", "note"), rows);
    }

    Table lookups() {
        List<List<Object>> rows = new ArrayList<>();
        for (Document hour : repository.all(LOOKUPS)) {
            long results = count(hour, LookupCounter.ROUND_RESULTS);
            long status = count(hour, LookupCounter.APPLICATION_STATUS);
            rows.add(row(hour.getString("_id"), results, status, results + status));
        }
        return new Table("lookups", List.of("hour", "roundResults", "applicationStatus", "total"), rows);
    }

    /** Look-ups per hour of the day (Beijing time), over every day counted: the daily curve. */
    Table lookupsByHour() {
        long[][] byHour = new long[24][2];
        for (Document hour : repository.all(LOOKUPS)) {
            int of = Integer.parseInt(hour.getString("_id").substring(11, 13));
            byHour[of][0] += count(hour, LookupCounter.ROUND_RESULTS);
            byHour[of][1] += count(hour, LookupCounter.APPLICATION_STATUS);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            rows.add(row(String.format("%02d:00", hour), byHour[hour][0], byHour[hour][1],
                         byHour[hour][0] + byHour[hour][1]));
        }
        return new Table("lookups-by-hour", List.of("hourOfDay", "roundResults", "applicationStatus", "total"), rows);
    }

    /** The monthly documents, then one summing them all with {@code _id} {@value #ALL}. */
    private List<Document> monthsWithTotal() {
        List<Document> months = repository.all(MONTHLY);
        Document total = new Document("_id", ALL);
        for (Document month : months) {
            addCounts(month, total);
        }
        List<Document> all = new ArrayList<>(months);
        all.add(total);
        return all;
    }

    private static void addCounts(Document from, Document into) {
        from.forEach((key, value) -> {
            if (value instanceof Document nested) {
                addCounts(nested, (Document) into.computeIfAbsent(key, k -> new Document()));
            } else if (value instanceof Number number) {
                into.merge(key, number.longValue(), (a, b) -> ((Number) a).longValue() + ((Number) b).longValue());
            }
        });
    }

    private static long count(Document document, String path) {
        Object value = document;
        for (String part : path.split("\\.")) {
            value = value instanceof Document d ? d.get(part) : null;
        }
        return value instanceof Number number ? number.longValue() : 0;
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
