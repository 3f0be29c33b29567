package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.JSON;
import static org.yaohao.standalone.YaohaoProcess.REGULATOR;
import static org.yaohao.standalone.YaohaoProcess.ANALYST;

/**
 * {@code --demo} with a small population: the synthetic applicants go through the real API, the first round is frozen,
 * drawn and published on the accelerated clock, and over HTTP a newcomer sees the results, a winner's quota, a
 * refund and statistics; the later rounds follow; a restart loads nothing again.
 */
class DemoModeIT {

    private static final String FIRST = "2023-ORD-01";

    @TempDir
    Path work;

    @Test
    void demoLoadsAPopulationRunsThePlansRoundsAndDoesNotLoadItTwice() throws Exception {
        Path data = work.resolve("data-demo");
        try (YaohaoProcess app = YaohaoProcess.start(data, "--demo", "--yaohao.demo.applicants=600",
                                                     "--yaohao.demo.first-round-applicants=200")) {
            // the first round is published on the accelerated clock
            JsonNode round = await(app, "/api/rounds/" + FIRST, r -> "RESULTS_PUBLISHED".equals(r.path("status").asText()),
                                   Duration.ofMinutes(6));
            assertThat(round.path("pools").toString()).contains("PERSONAL");

            JsonNode results = JSON.readTree(app.get("/api/rounds/" + FIRST + "/results").body());
            Set<String> winners = new HashSet<>();
            results.path("pools").forEach(pool -> pool.path("winners")
                    .forEach(w -> winners.add(w.path("code").asText().substring(0, 13))));
            assertThat(winners).isNotEmpty();

            // a winner's quota
            String winner = winners.stream().sorted().findFirst().orElseThrow();
            JsonNode quota = await(app, "/api/quotas/" + FIRST + "-" + winner, REGULATOR,
                                   q -> "VALID".equals(q.path("status").asText()), Duration.ofMinutes(2));
            assertThat(quota.path("holderIdNumber").asText()).isNotEmpty();

            // a refund: an entrant of the pool who neither won nor carried the deposit over
            String pool = app.get("/api/rounds/" + FIRST + "/pools/PERSONAL").body();
            List<String> entrants = new ArrayList<>();
            for (String line : pool.split("\n")) {
                String code = line.replaceAll("[^0-9].*$", "");
                if (code.length() == 13 && !winners.contains(code)) {
                    entrants.add(code);
                }
            }
            assertThat(entrants).isNotEmpty();
            String refunded = null;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (refunded == null && Instant.now().isBefore(deadline)) {
                for (String code : entrants) {
                    JsonNode view = JSON.readTree(app.get("/api/applications/" + code, REGULATOR).body());
                    for (JsonNode deposit : view.path("deposits")) {
                        if (FIRST.equals(deposit.path("roundId").asText())
                            && deposit.path("status").asText().startsWith("REFUND")) {
                            refunded = code;
                        }
                    }
                }
                Thread.sleep(500);
            }
            assertThat(refunded).as("an entrant of %s refunded", FIRST).isNotNull();

            // statistics for the analyst
            JsonNode rounds = JSON.readTree(app.get("/api/statistics/rounds", ANALYST).body());
            assertThat(rounds.path("rows").toString()).contains(FIRST);
            JsonNode prequalification = allRow(app.get("/api/statistics/prequalification", ANALYST));
            assertThat(prequalification.path("decided").asLong()).isGreaterThanOrEqualTo(200);
            assertThat(prequalification.path("rejected").asLong()).isPositive();

            // the rest of the plan follows
            await(app, "/api/rounds/2023-ORD-05", r -> "RESULTS_PUBLISHED".equals(r.path("status").asText()),
                  Duration.ofMinutes(8));
            await(app, "/api/rounds/2023-NEV-01", r -> "RESULTS_PUBLISHED".equals(r.path("status").asText()),
                  Duration.ofMinutes(1));
            awaitLog(app, "all rounds of the 2023 plan run");
            assertThat(app.log()).contains("Demonstration mode: data in " + data.toAbsolutePath().normalize())
                    .doesNotContain(JSON.readTree(app.get("/api/applications/" + winner + "/personal-data", REGULATOR)
                                                       .body()).path("applicant").path("idNumber").asText("none"));
            long decided = allRow(app.get("/api/statistics/prequalification", ANALYST)).path("decided").asLong();
            assertThat(decided).isEqualTo(600);
            assertThat(Files.exists(data.resolve("demo/registry.json"))).isTrue();

            // a restart loads nothing again
            try (YaohaoProcess again = app.restart()) {
                awaitLog(again, "nothing is submitted again");
                // the query store is rebuilt from the event log at every start: wait until it has caught up
                Instant caughtUpBy = Instant.now().plus(Duration.ofMinutes(3));
                while (Instant.now().isBefore(caughtUpBy)) {
                    JsonNode projections = JSON.readTree(again.get("/api/admin/projections").body());
                    boolean caughtUp = projections.size() > 0;
                    for (JsonNode projection : projections) {
                        caughtUp &= projection.path("lag").asLong(-1) == 0 && !projection.path("replaying").asBoolean();
                    }
                    if (caughtUp) {
                        break;
                    }
                    Thread.sleep(500);
                }
                Thread.sleep(2_000); // anything the demo would (wrongly) submit now would show
                assertThat(allRow(again.get("/api/statistics/prequalification", ANALYST)).path("decided").asLong())
                        .isEqualTo(decided);
                assertThat(again.log()).doesNotContain("applications submitted in");
            }
        }
    }

    private static JsonNode allRow(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode row : JSON.readTree(response.body()).path("rows")) {
            if ("all".equals(row.path("month").asText())) {
                return row;
            }
        }
        throw new AssertionError("no row 'all' in " + response.body());
    }

    private static JsonNode await(YaohaoProcess app, String path, Predicate<JsonNode> done, Duration timeout)
            throws Exception {
        return await(app, path, java.util.Map.of(), done, timeout);
    }

    private static JsonNode await(YaohaoProcess app, String path, java.util.Map<String, String> headers,
                                  Predicate<JsonNode> done, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = app.get(path, headers);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && done.test(JSON.readTree(response.body()))) {
                return JSON.readTree(response.body());
            }
            Thread.sleep(500);
        }
        throw new AssertionError(path + " not as expected within " + timeout + "; last: " + last + "\n"
                                 + app.logTail());
    }

    private static void awaitLog(YaohaoProcess app, String text) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
        while (Instant.now().isBefore(deadline)) {
            if (app.log().contains(text)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the log never said '" + text + "':\n" + app.logTail());
    }
}
