package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaohao.kernel.draw.Pool;
import org.yaohao.kernel.draw.PoolEntry;
import org.yaohao.kernel.draw.SeedCommitment;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/**
 * A round from schedule to published results over HTTP: only valid applications with a deposit fully paid by the
 * cut-off enter, the seed must match its commitment, and the frozen pools and results are facts in the event log.
 */
class RoundIT {

    private static final String SEED = RoundScenario.SEED;

    @TempDir
    Path work;

    @Test
    void roundIsFrozenAtItsCutOffDrawnWithTheCommittedSeedAndPublished() throws Exception {
        String[] settings = RoundScenario.policy(work.resolve("policies"));
        Path data = work.resolve("data");

        List<String> paid = new ArrayList<>();
        String unpaid;
        String enterprise;
        try (YaohaoProcess app = YaohaoProcess.start(data, settings)) {
            for (String id : List.of(Samples.PASSES_HUKOU, Samples.PASSES_RESIDENCE_PERMIT)) {
                paid.add(RoundScenario.submitAndPay(app, Samples.individual(id)));
            }
            paid.add(RoundScenario.submitAndPay(app, Samples.family(Samples.FAMILY_MAIN, Samples.FAMILY_SPOUSE,
                    "SPOUSE", Samples.FAMILY_CHILD, "CHILD").replace("NEW_ENERGY", "ORDINARY")));
            enterprise = RoundScenario.submitAndPay(app, Samples.enterprise(Samples.ENTERPRISE_PASSES, 800_000, 2));
            // the two individuals would rather keep their deposit for the next round than have it refunded
            for (String code : paid.subList(0, 2)) {
                HttpResponse<String> choice = app.post("/api/deposits/" + code + "-2026-ORD-09/carry-over",
                        "{\"nextRoundId\":\"2026-ORD-10\"}");
                assertThat(choice.statusCode()).as(choice.body()).isEqualTo(200);
            }
            unpaid = RoundScenario.code(app.post("/api/applications", Samples.individual(Samples.PASSES_WORK_PERMIT)));
            app.awaitStatus(unpaid, "PREQUALIFIED");

            assertThat(app.post("/api/rounds", "{\"roundId\":\"2026-ORD-09\"}").statusCode()).isEqualTo(201);
            assertThat(app.post("/api/rounds", "{\"roundId\":\"2031-ORD-01\"}").statusCode()).isEqualTo(422);
            String commitment = SeedCommitment.commit(HexFormat.of().parseHex(SEED));
            assertThat(app.post("/api/rounds/2026-ORD-09/seed-commitment",
                    "{\"commitment\":\"" + commitment + "\"}").statusCode()).isEqualTo(200);
            HttpResponse<String> early = app.post("/api/rounds/2026-ORD-09/pool-freeze", null);
            assertThat(early.statusCode()).as(early.body()).isEqualTo(422);
            assertThat(early.body()).contains("CUT_OFF_NOT_REACHED");
        }

        // two days later: the cut-off has passed
        try (YaohaoProcess later = YaohaoProcess.start(data, RoundScenario.twoDaysLater(settings))) {
            // a deposit paid after the cut-off does not count, even though it is paid before the freeze
            RoundScenario.pay(later, unpaid);
            HttpResponse<String> frozen = later.post("/api/rounds/2026-ORD-09/pool-freeze", null);
            assertThat(frozen.statusCode()).as(frozen.body()).isEqualTo(200);
            HttpResponse<String> wrongSeed = later.post("/api/rounds/2026-ORD-09/draw",
                    "{\"seed\":\"" + "ff".repeat(32) + "\"}");
            assertThat(wrongSeed.statusCode()).as(wrongSeed.body()).isEqualTo(422);
            assertThat(wrongSeed.body()).contains("SEED_MISMATCH");
            assertThat(later.post("/api/rounds/2026-ORD-09/draw", "{\"seed\":\"" + SEED + "\"}").statusCode())
                    .isEqualTo(200);
            assertThat(later.post("/api/rounds/2026-ORD-09/results-publication", null).statusCode()).isEqualTo(200);

            // publication: winners drawn with a converted deposit; the others' deposits refunded by their route,
            // or carried over to the next round where they chose so
            int drawn = 0;
            for (String code : paid) {
                boolean choseCarryOver = paid.indexOf(code) < 2;
                JsonNode view = later.awaitStatus(code, v -> {
                    String deposit = v.path("deposits").path(0).path("status").asText();
                    return deposit.equals("CONVERTED") || deposit.equals("REFUNDED") || deposit.equals("CARRIED_OVER");
                });
                JsonNode deposit = view.get("deposits").get(0);
                boolean won = "CONVERTED".equals(deposit.get("status").asText());
                assertThat(view.get("status").asText()).isEqualTo(won ? "DRAWN" : "PREQUALIFIED");
                drawn += won ? 1 : 0;
                if (!won && choseCarryOver) {
                    assertThat(deposit.get("status").asText()).isEqualTo("CARRIED_OVER");
                    JsonNode next = later.awaitStatus(code, v -> v.path("deposits").size() == 2).get("deposits").get(1);
                    assertThat(next.get("roundId").asText()).isEqualTo("2026-ORD-10");
                    assertThat(next.get("status").asText()).isEqualTo("PAID_IN_FULL");
                } else if (!won) {
                    assertThat(deposit.get("status").asText()).isEqualTo("REFUNDED");
                    assertThat(deposit.get("refundDueDate").asText()).isNotBlank();
                }
            }
            assertThat(drawn).isEqualTo(2);

            // anyone can download the frozen pool and check it against the published digest
            JsonNode roundView = RoundScenario.awaitRound(later, "RESULTS_PUBLISHED");
            HttpResponse<String> download = later.get("/api/rounds/2026-ORD-09/pools/PERSONAL");
            assertThat(download.statusCode()).isEqualTo(200);
            String sha256 = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(download.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(download.headers().firstValue("X-Pool-Digest")).contains(sha256);
            assertThat(roundView.toString()).contains(sha256);
            assertThat(roundView.toString()).contains(SEED);
            JsonNode results = JSON.readTree(later.get("/api/rounds/2026-ORD-09/results").body());
            assertThat(results.toString()).contains("\"sequence\":1");

            // the enterprise pool left one of its three quotas unallocated: it rolls over to the next round
            assertThat(later.post("/api/rounds", "{\"roundId\":\"2026-ORD-10\"}").statusCode()).isEqualTo(201);

            // the statistics count the round from its events: 2 individuals at step 1 and a family, 2 winners
            JsonNode personalStatistics = awaitStatistics(later, "rounds", row -> row.path("pool").asText()
                    .equals("PERSONAL") && row.path("round").asText().equals("2026-ORD-09")
                    && row.path("winners").asInt() == 2);
            assertThat(personalStatistics.get("entries").asInt()).isEqualTo(3);
            assertThat(personalStatistics.get("firstTimeEntries").asInt()).isEqualTo(2);
            assertThat(awaitStatistics(later, "bands", row -> row.path("group").asText().equals("FAMILY"))
                    .get("entries").asInt()).isEqualTo(1);
            assertThat(awaitStatistics(later, "quotas", row -> row.path("issued").asInt() == 4)
                    .get("round").asText()).isEqualTo("2026-ORD-09");
            // one application's part in the round, looked up: counted in the hour's look-ups
            assertThat(later.get("/api/rounds/2026-ORD-09/results/" + paid.get(0)).statusCode()).isEqualTo(200);
            assertThat(awaitStatistics(later, "lookups", row -> row.path("roundResults").asInt() == 1)
                    .get("hour").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}");
            HttpResponse<String> whatIf = later.post("/api/statistics/what-if",
                    "{\"roundId\":\"2026-ORD-09\",\"policy\":\"test-round\",\"runs\":20}", YaohaoProcess.ANALYST);
            assertThat(whatIf.statusCode()).as(whatIf.body()).isEqualTo(200);
            JsonNode groups = JSON.readTree(whatIf.body()).get("groups");
            assertThat(groups).hasSize(2);
            groups.forEach(group -> assertThat(group.get("chanceAfter")).isEqualTo(group.get("chanceBefore")));
        }

        Map<String, JsonNode> frozenPools = EventLog.payloads(data, "PoolFrozenEvent", "pool");
        Map<String, JsonNode> chunks = EventLog.payloads(data, "PoolEntriesFrozenEvent", "pool");
        JsonNode personal = chunks.get("PERSONAL");
        assertThat(frozenPools.get("PERSONAL").get("chunkCount").asInt()).isEqualTo(1);
        List<String> personalCodes = new ArrayList<>();
        personal.get("entries").forEach(entry -> personalCodes.add(entry.get("code").asText()));
        assertThat(personalCodes).containsExactlyInAnyOrderElementsOf(paid).doesNotContain(unpaid);
        List<PoolEntry> entries = new ArrayList<>();
        personal.get("entries").forEach(e -> entries.add(new PoolEntry(e.get("code").asText(), e.get("weight").asLong())));
        assertThat(frozenPools.get("PERSONAL").get("digest").asText()).isEqualTo(Pool.of(entries).digest());
        JsonNode enterprisePool = chunks.get("ENTERPRISE");
        assertThat(enterprisePool.get("entries")).hasSize(2);
        assertThat(enterprisePool.get("entries").get(0).get("code").asText()).isEqualTo(enterprise + "-1");

        Map<String, JsonNode> drawn = EventLog.payloads(data, "PoolDrawnEvent", "pool");
        assertThat(drawn.get("PERSONAL").get("winners")).hasSize(2);
        assertThat(drawn.get("PERSONAL").get("seedHex").asText()).isEqualTo(SEED);
        assertThat(drawn.get("ENTERPRISE").get("winners")).hasSize(2);
        JsonNode next = EventLog.payloads(data, "RoundScheduledEvent", "roundId").get("2026-ORD-10");
        assertThat(next.get("rolledOver").get("ENTERPRISE").asInt()).isEqualTo(1);
        assertThat(next.get("pools").get(1).get("quota").asInt()).isEqualTo(2);
        assertThat(EventLog.countsByType(data)).containsEntry("RoundResultsPublishedEvent", 1)
                .containsEntry("QuotaIssuedEvent", 4)
                .containsEntry("RoundOutcomeRecordedEvent", 4);
    }

    /** The first row of a statistics table that satisfies the condition, once the projection has got there. */
    private static JsonNode awaitStatistics(YaohaoProcess app, String table,
                                            java.util.function.Predicate<JsonNode> condition) throws Exception {
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> response = app.get("/api/statistics/" + table, YaohaoProcess.ANALYST);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            for (JsonNode row : JSON.readTree(response.body()).get("rows")) {
                if (condition.test(row)) {
                    return row;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no row of statistics table " + table + " as expected");
    }
}
