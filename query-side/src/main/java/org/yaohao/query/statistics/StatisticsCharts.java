package org.yaohao.query.statistics;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The charts, drawn from the tables: the history of the chances per round, and the daily curve of look-ups. */
@Component
class StatisticsCharts {

    static final List<String> NAMES = List.of("win-probability", "lookups-per-hour");

    static final String FIRST_TIME = "ORDINARY first-time entrant";

    private final StatisticsTables tables;

    StatisticsCharts(StatisticsTables tables) {
        this.tables = tables;
    }

    Optional<String> chart(String name) {
        return switch (name) {
            case "win-probability" -> Optional.of(winProbability());
            case "lookups-per-hour" -> Optional.of(lookupsPerHour());
            default -> Optional.empty();
        };
    }

    /**
     * One point per drawn round (by draw date): the chance of an entry of each pool ({@code <quotaType> <pool>}) and
     * of a first-time entrant of the ordinary shared pool; a pool that a round does not have leaves a gap.
     */
    String winProbability() {
        List<String> rounds = new ArrayList<>();
        Map<String, Map<String, Double>> bySeries = new LinkedHashMap<>();
        Table table = tables.rounds();
        for (List<Object> row : table.rows()) {
            if (table.value(row, "winners") == null) {
                continue;
            }
            String round = (String) table.value(row, "round");
            if (!rounds.contains(round)) {
                rounds.add(round);
            }
            bySeries.computeIfAbsent(table.value(row, "quotaType") + " " + table.value(row, "pool"),
                                     s -> new LinkedHashMap<>())
                    .put(round, (Double) table.value(row, "chance"));
            if (table.value(row, "firstTimeChance") != null) {
                bySeries.computeIfAbsent(FIRST_TIME, s -> new LinkedHashMap<>())
                        .put(round, (Double) table.value(row, "firstTimeChance"));
            }
        }
        List<SvgChart.Series> series = new ArrayList<>();
        bySeries.forEach((name, values) -> series.add(
                new SvgChart.Series(name, rounds.stream().map(values::get).toList())));
        return SvgChart.render("Chance of winning per round", "chance of an entry", rounds, series, true);
    }

    /** Look-ups per hour of the day (Beijing time), summed over the days counted. */
    String lookupsPerHour() {
        List<String> hours = new ArrayList<>();
        List<Double> results = new ArrayList<>();
        List<Double> status = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        Table table = tables.lookupsByHour();
        for (List<Object> row : table.rows()) {
            hours.add((String) table.value(row, "hourOfDay"));
            results.add(((Number) table.value(row, "roundResults")).doubleValue());
            status.add(((Number) table.value(row, "applicationStatus")).doubleValue());
            total.add(((Number) table.value(row, "total")).doubleValue());
        }
        return SvgChart.render("Look-ups per hour of the day (Beijing time)", "look-ups", hours,
                               List.of(new SvgChart.Series("all look-ups", total),
                                       new SvgChart.Series("round results", results),
                                       new SvgChart.Series("application status", status)), false);
    }
}
