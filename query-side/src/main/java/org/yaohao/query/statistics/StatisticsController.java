package org.yaohao.query.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.InvalidValueException;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.round.RoundId;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The statistics for analysts (and regulators, administrators): every table as JSON and as CSV, the charts as SVG,
 * the page that shows them, and the policy what-if. Reads the statistics collections directly, like the pool
 * download: the tables are computed from counters on reading.
 */
@RestController
class StatisticsController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType SVG = new MediaType("image", "svg+xml", StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final Set<String> WHAT_IF_FIELDS = Set.of("roundId", "pool", "policy", "runs");

    private final StatisticsTables tables;
    private final StatisticsCharts charts;
    private final PolicyWhatIf whatIf;
    private final ObjectMapper json = new ObjectMapper();

    StatisticsController(StatisticsTables tables, StatisticsCharts charts, PolicyWhatIf whatIf) {
        this.tables = tables;
        this.charts = charts;
        this.whatIf = whatIf;
    }

    /** What there is: each table's JSON and CSV address, each chart's, the what-if's and the page's. */
    @GetMapping("/api/statistics")
    Map<String, Object> index() {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("tables", tables.names().stream().map(name -> Map.of(
                "name", name, "json", "/api/statistics/" + name, "csv", "/api/statistics/" + name + ".csv")).toList());
        index.put("charts", StatisticsCharts.NAMES.stream().map(name -> Map.of(
                "name", name, "svg", "/api/statistics/charts/" + name + ".svg")).toList());
        index.put("whatIf", "/api/statistics/what-if");
        index.put("page", "/statistics");
        return index;
    }

    /** 200 {@code {"name","columns","rows":[{column: value}]}}; 404 {@code STATISTIC_NOT_FOUND}. */
    @GetMapping("/api/statistics/{name}")
    Map<String, Object> table(@PathVariable("name") String name) {
        Table table = table0(name);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", table.name());
        body.put("columns", table.columns());
        body.put("rows", table.rowObjects());
        return body;
    }

    /** 200 {@code text/csv} (RFC 4180, header line, CRLF), as a download named {@code <name>.csv}. */
    @GetMapping("/api/statistics/{name}.csv")
    ResponseEntity<String> csv(@PathVariable("name") String name) {
        Table table = table0(name);
        return ResponseEntity.ok().contentType(CSV)
                             .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                     .filename(table.name() + ".csv").build().toString())
                             .body(table.toCsv());
    }

    /** 200 {@code image/svg+xml}: {@code win-probability} or {@code lookups-per-hour}. */
    @GetMapping("/api/statistics/charts/{name}.svg")
    ResponseEntity<String> chart(@PathVariable("name") String name) {
        String svg = charts.chart(name).orElseThrow(() -> notFound("chart", StatisticsCharts.NAMES));
        return ResponseEntity.ok().contentType(SVG).body(svg);
    }

    /** The page that shows the charts and links the exports. */
    @GetMapping("/statistics")
    ResponseEntity<String> page() {
        try (InputStream in = StatisticsController.class.getResourceAsStream("/statistics/index.html")) {
            return ResponseEntity.ok().contentType(HTML).body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code {"roundId":"2023-ORD-05","pool":"PERSONAL","policy":"beijing-2021","runs":100}}: the chances per band of
     * the round's frozen pool under its own policy and under {@code policy} ({@code pool} defaults to PERSONAL,
     * {@code runs} to {@value PolicyWhatIf#DEFAULT_RUNS}, at most {@value PolicyWhatIf#MAX_RUNS}). Changes nothing.
     */
    @PostMapping("/api/statistics/what-if")
    PolicyWhatIf.Result whatIf(@RequestBody(required = false) String body) {
        return whatIf.run(whatIfRequest(body));
    }

    private PolicyWhatIf.Request whatIfRequest(String body) {
        JsonNode request;
        try {
            request = body == null ? null : json.readTree(body);
        } catch (IOException e) {
            throw new StatisticsRequestException(ErrorCode.MALFORMED_REQUEST, null, "The body is not well-formed JSON");
        }
        if (request == null || !request.isObject()) {
            throw new StatisticsRequestException(ErrorCode.MALFORMED_REQUEST, null,
                                                 "The body is a JSON object with roundId, policy, pool and runs");
        }
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!WHAT_IF_FIELDS.contains(field)) {
                throw new StatisticsRequestException(ErrorCode.UNKNOWN_FIELD, field, "A what-if has no field "
                        + field + "; its fields are " + new TreeSet<>(WHAT_IF_FIELDS));
            }
        }
        String roundId = text(request, "roundId");
        try {
            RoundId.of(roundId);
        } catch (InvalidValueException e) {
            throw new StatisticsRequestException(ErrorCode.ROUND_ID_FORMAT, "roundId", e.getMessage());
        }
        String policy = text(request, "policy");
        String pool = request.has("pool") ? request.get("pool").asText() : PoolKind.PERSONAL.name();
        if (Arrays.stream(PoolKind.values()).noneMatch(kind -> kind.name().equals(pool))) {
            throw new StatisticsRequestException(ErrorCode.INVALID_VALUE, "pool", "A pool is one of "
                    + Arrays.toString(PoolKind.values()));
        }
        int runs = PolicyWhatIf.DEFAULT_RUNS;
        if (request.has("runs")) {
            JsonNode value = request.get("runs");
            if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1
                || value.asInt() > PolicyWhatIf.MAX_RUNS) {
                throw new StatisticsRequestException(ErrorCode.INVALID_VALUE, "runs", "runs is a whole number from 1 to "
                        + PolicyWhatIf.MAX_RUNS);
            }
            runs = value.asInt();
        }
        return new PolicyWhatIf.Request(roundId, pool, policy, runs);
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            throw new StatisticsRequestException(ErrorCode.MISSING_FIELD, field, "A what-if needs " + field);
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new StatisticsRequestException(ErrorCode.INVALID_VALUE, field, field + " is a non-empty string");
        }
        return value.asText();
    }

    private Table table0(String name) {
        return tables.table(name).orElseThrow(() -> notFound("table", tables.names()));
    }

    private static StatisticsRequestException notFound(String what, List<String> known) {
        return new StatisticsRequestException(ErrorCode.STATISTIC_NOT_FOUND, "name", "No statistics " + what
                + " is named so; the " + what + "s are " + known);
    }
}
