package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.ANALYST;
import static org.yaohao.standalone.YaohaoProcess.ANONYMOUS;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/**
 * The statistics against the running jar: applications submitted over HTTP from the app, the website and a district
 * counter are counted per channel and per counter from the events' metadata, a rejection by its reason; look-ups are
 * counted as they are answered; the tables come as JSON and as CSV that reads back to the same values, the charts as
 * SVG, the page shows them; a what-if with bad input is refused as a problem naming the field; nothing personal in
 * any table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsIT {

    private YaohaoProcess app;
    private final List<String> codes = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        app = YaohaoProcess.start(dir.resolve("data"));
        Map<String, String> fromTheApp = Map.of("X-Channel", "APP", "Authorization", "");
        codes.add(submit(Samples.individual(Samples.PASSES_HUKOU), fromTheApp));
        codes.add(submit(Samples.individual(Samples.PASSES_RESIDENCE_PERMIT), fromTheApp));
        codes.add(submit(Samples.individual(Samples.PASSES_WORK_PERMIT), ANONYMOUS)); // the website
        codes.add(submit(Samples.family(Samples.FAMILY_MAIN, Samples.FAMILY_SPOUSE, "SPOUSE", Samples.FAMILY_CHILD,
                                        "CHILD"), YaohaoProcess.CLERK_7)); // the Haidian counter
        codes.add(submit(Samples.individual(Samples.SOCIAL_INSURANCE_GAP), ANONYMOUS));
        for (String code : codes) {
            app.awaitStatus(code, v -> !"AWAITING_PREQUALIFICATION".equals(v.path("status").asText()));
        }
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
    }

    private String submit(String body, Map<String, String> caller) throws Exception {
        HttpResponse<String> created = app.post("/api/applications", body, caller);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("code").asText();
    }

    @Test
    void channelsCountersAndRejectionReasonsFromTheEvents() throws Exception {
        JsonNode channels = awaitTable("channels", rows -> count(rows, "channel", "APP") == 2
                                                           && count(rows, "channel", "WEB") == 2
                                                           && count(rows, "channel", "COUNTER") == 1);
        assertThat(row(channels, "channel", "APP").get("share").asDouble()).isEqualTo(0.4);
        JsonNode districts = awaitTable("districts", rows -> count(rows, "district", "HAIDIAN") == 1);
        assertThat(row(districts, "district", "HAIDIAN").get("shareOfCounter").asDouble()).isEqualTo(1.0);
        JsonNode prequalification = awaitTable("prequalification", rows -> all(rows).path("decided").asInt() == 5);
        assertThat(all(prequalification).get("rejected").asInt()).isEqualTo(1);
        assertThat(all(prequalification).get("rejectionRate").asDouble()).isEqualTo(0.2);
        JsonNode reasons = awaitTable("rejection-reasons", rows -> rows.size() > 0);
        assertThat(row(reasons, "reason", "SOCIAL_INSURANCE_GAP").get("rejected").asInt()).isEqualTo(1);
        JsonNode applications = awaitTable("applications", rows -> all(rows).path("submitted").asInt() == 5);
        assertThat(all(applications).get("family").asInt()).isEqualTo(1);
    }

    @Test
    void lookUpsAreCountedAsTheyAreAnswered() throws Exception {
        long before = settledLookups();
        for (int i = 0; i < 3; i++) {
            assertThat(app.get("/api/applications/" + codes.get(0), YaohaoProcess.CLERK_7).statusCode())
                    .isEqualTo(200);
        }
        // a refused look-up is not an answered one
        assertThat(app.get("/api/applications/" + codes.get(0), ANALYST).statusCode()).isEqualTo(403);
        assertThat(settledLookups()).isEqualTo(before + 3);

        HttpResponse<String> svg = app.get("/api/statistics/charts/lookups-per-hour.svg", ANALYST);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        org.w3c.dom.Document xml = parseXml(svg.body());
        List<String> series = new ArrayList<>();
        var groups = xml.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            series.add(((org.w3c.dom.Element) groups.item(i)).getAttribute("data-series"));
        }
        assertThat(series).containsExactly("all look-ups", "round results", "application status");
        assertThat(parseXml(app.get("/api/statistics/charts/win-probability.svg", ANALYST).body())
                           .getDocumentElement().getLocalName()).isEqualTo("svg");
    }

    @Test
    void everyTableExportsAsCsvThatReadsBackToItsJson() throws Exception {
        awaitTable("applications", rows -> all(rows).path("submitted").asInt() == 5);
        settledLookups(); // the JSON and the CSV of a table are read one after the other: nothing may change between
        JsonNode index = JSON.readTree(app.get("/api/statistics", ANALYST).body());
        assertThat(index.get("tables")).hasSizeGreaterThanOrEqualTo(10);
        StringBuilder everything = new StringBuilder();
        for (JsonNode table : index.get("tables")) {
            String name = table.get("name").asText();
            JsonNode json = JSON.readTree(app.get(table.get("json").asText(), ANALYST).body());
            HttpResponse<String> csv = app.get(table.get("csv").asText(), ANALYST);
            assertThat(csv.statusCode()).as(name).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains(name + ".csv");
            List<String> lines = Arrays.asList(csv.body().split("\r\n", -1));
            assertThat(lines.get(lines.size() - 1)).as("ends with CRLF").isEmpty();
            List<String> columns = new ArrayList<>();
            json.get("columns").forEach(c -> columns.add(c.asText()));
            assertThat(lines.get(0)).isEqualTo(String.join(",", columns));
            assertThat(lines).as(name).hasSize(json.get("rows").size() + 2);
            for (int r = 0; r < json.get("rows").size(); r++) {
                JsonNode row = json.get("rows").get(r);
                String[] fields = lines.get(r + 1).split(",", -1);
                for (int c = 0; c < columns.size(); c++) {
                    JsonNode value = row.get(columns.get(c));
                    String expected = value.isNull() ? "" : value.isNumber()
                            ? new java.math.BigDecimal(value.asText()).stripTrailingZeros().toPlainString()
                            : value.asText();
                    assertThat(fields[c]).as(name + " row " + r + " " + columns.get(c)).isEqualTo(expected);
                }
            }
            everything.append(csv.body()).append(json);
        }
        for (String personal : List.of(Samples.PASSES_HUKOU, Samples.FAMILY_MAIN, Samples.SOCIAL_INSURANCE_GAP,
                                       "Test Applicant", "Main Applicant", "13800138000", "13900139000")) {
            assertThat(everything.toString()).doesNotContain(personal);
        }
    }

    @Test
    void thePageShowsTheChartsToStaffWhoMayReadStatistics() throws Exception {
        HttpResponse<String> page = app.get("/statistics", ANALYST);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("/api/statistics/charts/win-probability.svg",
                                         "/api/statistics/charts/lookups-per-hour.svg");
        HttpResponse<String> anonymous = app.get("/statistics", ANONYMOUS);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertThat(app.get("/api/statistics/channels", ANONYMOUS).statusCode()).isEqualTo(401);
        assertThat(app.get("/api/statistics/channels", YaohaoProcess.CLERK_7).statusCode()).isEqualTo(403);
        assertThat(app.get("/api/statistics/channels", YaohaoProcess.REGULATOR).statusCode()).isEqualTo(200);
    }

    @Test
    void whatIfRefusesBadInputNamingTheField() throws Exception {
        problem(app.post("/api/statistics/what-if", "{\"roundId\":\"2023-ORD-05\",\"policy\":\"beijing-2021\","
                + "\"runs\":0}", ANALYST), 400, "INVALID_VALUE", "runs");
        problem(app.post("/api/statistics/what-if", "{\"roundId\":\"2023-ORD-05\",\"policy\":\"beijing-2021\","
                + "\"seed\":\"x\"}", ANALYST), 400, "UNKNOWN_FIELD", "seed");
        problem(app.post("/api/statistics/what-if", "{\"policy\":\"beijing-2021\"}", ANALYST), 400, "MISSING_FIELD",
                "roundId");
        problem(app.post("/api/statistics/what-if", "{\"roundId\":\"2023-XYZ\",\"policy\":\"beijing-2021\"}",
                         ANALYST), 400, "ROUND_ID_FORMAT", "roundId");
        problem(app.post("/api/statistics/what-if", "{\"roundId\":\"2023-ORD-05\",\"policy\":\"beijing-2021\"}",
                         ANALYST), 404, "POOL_NOT_FOUND", "pool");
        problem(app.post("/api/statistics/what-if", "not json", ANALYST), 400, "MALFORMED_REQUEST", null);
        problem(app.get("/api/statistics/no-such-table", ANALYST), 404, "STATISTIC_NOT_FOUND", "name");
    }

    private static void problem(HttpResponse<String> response, int status, String code, String field)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.path("field").isNull() || body.path("field").isMissingNode() ? null
                           : body.get("field").asText()).isEqualTo(field);
    }

    /**
     * The look-ups counted once every look-up answered so far is written: they are counted in memory and written
     * once a second (the query side's LookupCounter), so the count is read until it stays the same over two seconds.
     */
    private long settledLookups() throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        long last = lookups();
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(2_000);
            long now = lookups();
            if (now == last) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the look-up count did not settle: " + last);
    }

    private long lookups() throws Exception {
        JsonNode table = JSON.readTree(app.get("/api/statistics/lookups", ANALYST).body());
        long total = 0;
        for (JsonNode row : table.get("rows")) {
            total += row.get("applicationStatus").asLong();
        }
        return total;
    }

    private JsonNode awaitTable(String name, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode rows = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = app.get("/api/statistics/" + name, ANALYST);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            rows = JSON.readTree(response.body()).get("rows");
            if (condition.test(rows)) {
                return rows;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("table " + name + " did not reach the expected figures: " + rows);
    }

    /** The row over all months. */
    private static JsonNode all(JsonNode rows) {
        for (JsonNode row : rows) {
            if ("all".equals(row.path("month").asText())) {
                return row;
            }
        }
        return JSON.createObjectNode();
    }

    private static JsonNode row(JsonNode rows, String column, String value) {
        for (JsonNode row : rows) {
            if ("all".equals(row.path("month").asText()) && value.equals(row.path(column).asText())) {
                return row;
            }
        }
        throw new AssertionError("no row over all months with " + column + " = " + value + ": " + rows);
    }

    private static long count(JsonNode rows, String column, String value) {
        for (JsonNode row : rows) {
            if ("all".equals(row.path("month").asText()) && value.equals(row.path(column).asText())) {
                return row.get("applications").asLong();
            }
        }
        return 0;
    }

    private static org.w3c.dom.Document parseXml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
