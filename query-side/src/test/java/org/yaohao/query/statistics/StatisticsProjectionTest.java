package org.yaohao.query.statistics;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaohao.query.InProcessMongo;
import org.yaohao.query.TestEvents;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every statistic against {@link StatisticsScenario}, whose numbers are known by construction, through the real
 * projection, the real driver and the in-process MongoDB server; then the same events again (a replay) change
 * nothing.
 */
class StatisticsProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private StatisticsRepository repository;
    private StatisticsProjection projection;
    private StatisticsTables tables;
    private final StatisticsScenario scenario = new StatisticsScenario();

    @BeforeEach
    void setUp() {
        repository = scenario.fedInto(mongo);
        projection = new StatisticsProjection(repository);
        tables = new StatisticsTables(repository, new StatisticsPolicies((Path) null));
    }

    @Test
    void countsApplicationsPerMonthByKind() {
        assertThat(rows("applications")).contains(
                Map.of("month", "2023-03", "submitted", 20L, "individual", 14L, "family", 5L, "enterprise", 1L),
                Map.of("month", "all", "submitted", 20L, "individual", 14L, "family", 5L, "enterprise", 1L));
    }

    @Test
    void sharesOfChannelsAndDistrictCounters() {
        assertThat(rows("channels")).contains(
                Map.of("month", "2023-03", "channel", "APP", "applications", 13L, "share", 0.65),
                Map.of("month", "2023-03", "channel", "WEB", "applications", 5L, "share", 0.25),
                Map.of("month", "2023-03", "channel", "COUNTER", "applications", 2L, "share", 0.1));
        assertThat(rows("districts")).contains(
                Map.of("month", "2023-03", "district", "HAIDIAN", "applications", 1L, "shareOfCounter", 0.5),
                Map.of("month", "2023-03", "district", "CHAOYANG", "applications", 1L, "shareOfCounter", 0.5));
    }

    @Test
    void rejectionRateAndReasonsPerMonth() {
        assertThat(rows("prequalification")).contains(Map.of("month", "2023-04", "decided", 25L, "prequalified", 22L,
                                                             "rejected", 3L, "rejectionRate", 0.12,
                                                             "manualReview", 1L));
        // an application is counted once per reason, however many of its persons failed the check
        assertThat(rows("rejection-reasons")).contains(
                Map.of("month", "2023-04", "reason", "SOCIAL_INSURANCE_GAP", "rejected", 2L, "shareOfDecided", 0.08,
                       "shareOfRejected", 0.666667),
                Map.of("month", "2023-04", "reason", "RESIDENCE_PERMIT_EXPIRED", "rejected", 2L,
                       "shareOfDecided", 0.08, "shareOfRejected", 0.666667));
    }

    @Test
    void chancePerRoundPoolAndFirstTimeEntrant() {
        Map<String, Object> personal = row("rounds", "pool", "PERSONAL");
        assertThat(personal).containsEntry("entries", 19L).containsEntry("totalWeight", 2680L)
                            .containsEntry("winners", 4L).containsEntry("chance", Chances.round(4 / 19.0))
                            .containsEntry("firstTimeEntries", 10L).containsEntry("firstTimeWinners", 1L)
                            .containsEntry("firstTimeChance", 0.1);
        assertThat((Double) personal.get("firstTimeExpectedChance")).isStrictlyBetween(0.0, 4 / 19.0);
        assertThat(row("rounds", "pool", "ENTERPRISE")).containsEntry("chance", Chances.round(1 / 3.0));
        assertThat(row("rounds", "round", "2023-NEV-01")).containsEntry("pool", "FAMILY").containsEntry("chance", 1.0)
                                                          .containsEntry("firstTimeChance", null);
    }

    @Test
    void chancePerStepAndPointsBandWithExpectedChancesAddingUpToTheQuota() {
        List<Map<String, Object>> bands = rows("bands").stream().filter(r -> r.get("round").equals("2023-ORD-01")
                                                                            && r.get("pool").equals("PERSONAL")).toList();
        assertThat(bands).extracting(r -> r.get("group") + " " + r.get("band") + ": " + r.get("winners") + "/"
                                          + r.get("entries") + " = " + r.get("chance"))
                         .containsExactly("FAMILY points 50-59: 2/5 = 0.4", "INDIVIDUAL step 1: 1/10 = 0.1",
                                          "INDIVIDUAL step 2: 1/4 = 0.25");
        double expectedWinners = bands.stream()
                .mapToDouble(r -> (Long) r.get("entries") * (Double) r.get("expectedChance")).sum();
        assertThat(expectedWinners).isCloseTo(4.0, within(1e-4));
        assertThat(row("bands", "band", "queue")).containsEntry("chance", 0.2).containsEntry("expectedChance", null);
    }

    @Test
    void newEnergyAgainstOrdinaryAndFamiliesAgainstIndividualsMeasured() {
        assertThat(row("odds", "comparison", "new-energy vs ordinary"))
                .containsEntry("chanceA", Chances.round(7 / 15.0)).containsEntry("chanceB", Chances.round(4 / 19.0))
                .containsEntry("ratio", Chances.round(Chances.round(7 / 15.0) / Chances.round(4 / 19.0)));
        assertThat(row("odds", "comparison", "family vs individual, ordinary"))
                .containsEntry("entriesA", 5L).containsEntry("winnersA", 2L).containsEntry("entriesB", 14L)
                .containsEntry("winnersB", 2L).containsEntry("ratio", Chances.round(0.4 / Chances.round(2 / 14.0)));
        assertThat(row("odds", "comparison", "family vs individual, new-energy")).containsEntry("ratio", 5.0);
    }

    @Test
    void quotasIssuedPerRoundWithWhatIsNotRecordedLeftEmpty() {
        assertThat(row("quotas", "round", "2023-ORD-01")).containsEntry("winners", 5L).containsEntry("issued", 3L)
                                                          .containsEntry("extended", null)
                                                          .containsEntry("extendedShare", null);
    }

    @Test
    void replayedEventsCountOnce() {
        Map<String, Table> before = new HashMap<>();
        tables.names().forEach(name -> before.put(name, tables.table(name).orElseThrow()));
        scenario.feed(projection);
        tables.names().forEach(name -> assertThat(tables.table(name).orElseThrow()).as(name)
                                                                                   .isEqualTo(before.get(name)));
    }

    @Test
    void anEventCommittedLateIsCountedAndACounterRemembersOnlyItsLastEvents() {
        // a JDBC event store delivers an event committed late after later ones: it is a new event all the same
        projection.on(TestEvents.individualSubmitted(TestEvents.code("700000000001")), "WEB", null, "late-event");
        assertThat(row("applications", "month", "2023-03")).containsEntry("submitted", 21L);
        for (int i = 0; i < OnceOnlyCounters.RECENT_EVENTS + 10; i++) {
            manualReview("m-" + i);
        }
        assertThat(row("prequalification", "month", "2023-04")).containsEntry("manualReview",
                                                                              1L + OnceOnlyCounters.RECENT_EVENTS + 10);
        Document april = repository.find(StatisticsRepository.MONTHLY, "2023-04").orElseThrow();
        assertThat(april.getString(OnceOnlyCounters.RECENT).split(" ")).hasSize(OnceOnlyCounters.RECENT_EVENTS)
                .startsWith("m-10").endsWith("m-" + (OnceOnlyCounters.RECENT_EVENTS + 9));
        // the oldest forgotten, the kept ones still guard: "m-10" again counts nothing, "m-1" (forgotten) would
        manualReview("m-10");
        assertThat(row("prequalification", "month", "2023-04")).containsEntry("manualReview",
                                                                              1L + OnceOnlyCounters.RECENT_EVENTS + 10);
    }

    @Test
    void withinABatchAnEventDeliveredTwiceCountsOnceAndAFailedBatchCountsNothing() {
        long before = ((Number) row("prequalification", "month", "2023-04").get("manualReview")).longValue();
        int events = OnceOnlyCounters.RECENT_EVENTS + 10;
        inBatch(() -> {
            for (int i = 0; i < events; i++) {
                manualReview("b-" + i);
                manualReview("b-" + i); // delivered twice in the same batch
            }
        });
        assertThat(row("prequalification", "month", "2023-04")).containsEntry("manualReview", before + events);
        Document april = repository.find(StatisticsRepository.MONTHLY, "2023-04").orElseThrow();
        assertThat(april.getString(OnceOnlyCounters.RECENT).split(" ")).hasSize(OnceOnlyCounters.RECENT_EVENTS)
                .startsWith("b-10").endsWith("b-" + (events - 1));

        // the next batch: the last 250 events redelivered (a batch replayed after a crash) and one new event
        inBatch(() -> {
            for (int i = events - 250; i < events; i++) {
                manualReview("b-" + i);
            }
            manualReview("b-new");
        });
        assertThat(row("prequalification", "month", "2023-04")).containsEntry("manualReview", before + events + 1);

        // a batch that fails is taken back whole, and the next one that delivers its event counts it once
        DefaultUnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(null);
        manualReview("b-failed");
        failing.rollback();
        assertThat(row("prequalification", "month", "2023-04")).containsEntry("manualReview", before + events + 1);
        inBatch(() -> manualReview("b-failed"));
        assertThat(row("prequalification", "month", "2023-04")).containsEntry("manualReview", before + events + 2);
    }

    private void manualReview(String eventId) {
        projection.on(new org.yaohao.kernel.application.ApplicationSentToManualReviewEvent(
                TestEvents.code("800000000001"), List.of(), StatisticsScenario.APRIL, TestEvents.POLICY), eventId);
    }

    /** The events handled in one unit of work, as the processor handles a batch (writes go out before it commits). */
    private static void inBatch(Runnable events) {
        DefaultUnitOfWork.startAndGet(null).execute(events);
    }

    @Test
    void statisticsHoldNoIdNumberNameOrPhone() {
        repository.countLookup("2023-05-26T10", LookupCounter.ROUND_RESULTS);
        StringBuilder everything = new StringBuilder();
        for (String collection : StatisticsRepository.COLLECTIONS) {
            List<Document> documents = repository.all(collection);
            assertThat(documents).as(collection).isNotEmpty();
            documents.forEach(d -> everything.append(d.toJson()));
        }
        tables.names().forEach(name -> everything.append(tables.table(name).orElseThrow().toCsv()));
        String all = everything.toString();
        for (String personal : List.of(TestEvents.MAIN.value(), TestEvents.SPOUSE.value(), TestEvents.CHILD.value(),
                                       "张三", "李四", "13800138000", "13900139000", "北京某某有限公司", "91110000600037341")) {
            assertThat(all).doesNotContain(personal);
        }
    }

    @Test
    void chartsAreSvgWithTheExpectedSeries() throws Exception {
        StatisticsCharts charts = new StatisticsCharts(tables);
        Map<String, List<String>> series = series(charts.chart("win-probability").orElseThrow());
        assertThat(series).containsOnlyKeys("ORDINARY PERSONAL", "ORDINARY ENTERPRISE", StatisticsCharts.FIRST_TIME,
                                            "NEW_ENERGY FAMILY", "NEW_ENERGY INDIVIDUAL");
        assertThat(series.get("ORDINARY PERSONAL")).containsExactly("2023-ORD-01=" + Chances.format(Chances.round(4 / 19.0)));
        assertThat(series.get(StatisticsCharts.FIRST_TIME)).containsExactly("2023-ORD-01=0.1");
        assertThat(series.get("NEW_ENERGY INDIVIDUAL")).containsExactly("2023-NEV-01=0.2");

        repository.countLookup("2023-05-26T10", LookupCounter.ROUND_RESULTS);
        repository.countLookup("2023-05-26T10", LookupCounter.ROUND_RESULTS);
        repository.countLookup("2023-05-27T10", LookupCounter.APPLICATION_STATUS);
        repository.countLookup("2023-05-26T15", LookupCounter.APPLICATION_STATUS);
        Map<String, List<String>> lookups = series(charts.chart("lookups-per-hour").orElseThrow());
        assertThat(lookups).containsOnlyKeys("all look-ups", "round results", "application status");
        assertThat(lookups.get("all look-ups")).hasSize(24).contains("10:00=3", "15:00=1", "09:00=0");
    }

    /** Parses the SVG as XML: per series ({@code data-series}), its points as {@code x=value}. */
    static Map<String, List<String>> series(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document xml = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        Map<String, List<String>> series = new HashMap<>();
        NodeList groups = xml.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            List<String> points = new ArrayList<>();
            NodeList circles = group.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle");
            for (int j = 0; j < circles.getLength(); j++) {
                Element circle = (Element) circles.item(j);
                points.add(circle.getAttribute("data-x") + "=" + circle.getAttribute("data-value"));
            }
            assertThat(group.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").getLength()).isEqualTo(1);
            series.put(group.getAttribute("data-series"), points);
        }
        return series;
    }

    private List<Map<String, Object>> rows(String table) {
        return tables.table(table).orElseThrow().rowObjects();
    }

    private Map<String, Object> row(String table, String column, Object value) {
        return rows(table).stream().filter(r -> value.equals(r.get(column))).findFirst().orElseThrow(
                () -> new AssertionError("no row of " + table + " with " + column + " = " + value + ": " + rows(table)));
    }
}
