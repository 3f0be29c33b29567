package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.draw.SeedCommitment;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/**
 * A regulator's audit of a whole round from the event log: an application's history in order with who acted and
 * under which policy, the global stream as NDJSON, and the draw verified from the log — by the server and by the
 * command-line tool on an exported file — passing on the honest draw and naming the first differing winner once a
 * stored event is tampered with.
 */
class AuditIT {

    @TempDir
    Path work;

    @Test
    void roundIsAuditedAndItsDrawVerifiedFromTheLogAlone() throws Exception {
        String[] settings = RoundScenario.policy(work.resolve("policies"));
        Path data = work.resolve("data");
        List<String> entrants = new ArrayList<>();
        try (YaohaoProcess app = YaohaoProcess.start(data, settings)) {
            for (String id : List.of(Samples.PASSES_HUKOU, Samples.PASSES_RESIDENCE_PERMIT,
                    Samples.PASSES_WORK_PERMIT)) {
                entrants.add(RoundScenario.submitAndPay(app, Samples.individual(id)));
            }
            entrants.add(RoundScenario.submitAndPay(app, Samples.family(Samples.FAMILY_MAIN, Samples.FAMILY_SPOUSE,
                    "SPOUSE", Samples.FAMILY_CHILD, "CHILD").replace("NEW_ENERGY", "ORDINARY")));
            assertThat(app.post("/api/rounds", "{\"roundId\":\"" + RoundScenario.ROUND + "\"}").statusCode())
                    .isEqualTo(201);
            String commitment = SeedCommitment.commit(HexFormat.of().parseHex(RoundScenario.SEED));
            assertThat(app.post("/api/rounds/" + RoundScenario.ROUND + "/seed-commitment",
                    "{\"commitment\":\"" + commitment + "\"}", YaohaoProcess.REGULATOR).statusCode()).isEqualTo(200);
        }

        String round = "/api/rounds/" + RoundScenario.ROUND;
        String verification = "/api/audit/draws/" + RoundScenario.ROUND + "/PERSONAL/verification";
        Path export = work.resolve("events.ndjson");
        String family = entrants.get(3);
        List<String> winners = new ArrayList<>();
        try (YaohaoProcess later = YaohaoProcess.start(data, RoundScenario.twoDaysLater(settings))) {
            assertThat(later.post(round + "/pool-freeze", null).statusCode()).isEqualTo(200);
            assertThat(later.post(round + "/draw", "{\"seed\":\"" + RoundScenario.SEED + "\"}",
                    YaohaoProcess.REGULATOR).statusCode()).isEqualTo(200);
            assertThat(later.post(round + "/results-publication", null).statusCode()).isEqualTo(200);
            RoundScenario.awaitRound(later, "RESULTS_PUBLISHED");
            JsonNode results = JSON.readTree(later.get(round + "/results").body());
            results.findValues("code").forEach(code -> winners.add(code.asText()));
            winners.removeIf(code -> code.contains("-")); // the personal pool's winners, in draw order
            assertThat(winners).hasSize(2);

            // the family's whole history, in the order of the log, with who acted and under which policy
            boolean won = winners.contains(family);
            JsonNode history = awaitHistory(later, family, "RoundOutcomeRecordedEvent",
                    won ? "QuotaIssuedEvent" : "DepositRefundScheduledEvent");
            List<String> types = new ArrayList<>();
            long previous = -1;
            for (JsonNode event : history) {
                types.add(event.get("type").asText().replaceFirst(".*\\.", ""));
                assertThat(event.get("position").asLong()).isGreaterThan(previous);
                previous = event.get("position").asLong();
            }
            assertThat(types).containsSubsequence("ApplicationSubmittedEvent", "ApplicationPrequalifiedEvent",
                    "DepositRequestedEvent", "DepositPaidInFullEvent", "RoundScheduledEvent", "SeedCommittedEvent",
                    "PoolEntriesFrozenEvent", "PoolFrozenEvent", "PoolDrawnEvent", "RoundResultsPublishedEvent");
            assertThat(types).contains("RoundOutcomeRecordedEvent",
                    won ? "QuotaIssuedEvent" : "DepositRefundScheduledEvent");
            JsonNode submitted = find(history, "ApplicationSubmittedEvent");
            assertThat(submitted.get("policyVersion").asText()).isEqualTo("test-round");
            assertThat(submitted.get("channel").asText()).isEqualTo("WEB");
            assertThat(submitted.get("actingUser").asText()).isEqualTo("admin");
            assertThat(submitted.get("actingRole").asText()).isEqualTo("ADMIN");
            assertThat(submitted.get("revision").asText()).isEqualTo("1");
            assertThat(submitted.toString()).contains(Samples.FAMILY_SPOUSE); // a regulator reads it unmasked
            JsonNode chunk = find(history, "PoolEntriesFrozenEvent");
            assertThat(chunk.get("payload").get("entries")).hasSize(1); // its own entry, not the whole pool
            assertThat(find(history, "PoolDrawnEvent").get("payload").get("winners")).hasSize(won ? 1 : 0);

            // an administrator reads it masked; the regulator's unmasked read is in the access log
            String masked = later.get("/api/audit/applications/" + family + "/events").body();
            assertThat(masked).doesNotContain(Samples.FAMILY_SPOUSE).contains("410102********0027");
            assertThat(awaitAccessLog(later, family)).contains("regulator-1");
            assertThat(later.get("/api/audit/applications/" + ApplicationCode.random().value() + "/events",
                    YaohaoProcess.REGULATOR).statusCode()).isEqualTo(404);
            HttpResponse<String> malformed = later.get("/api/audit/applications/12345/events", YaohaoProcess.REGULATOR);
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body()).contains("\"field\":\"code\"");

            // the global stream: pages in order, resumable from the last position, empty beyond the head
            List<JsonNode> firstPage = lines(later.get("/api/audit/events?limit=5", YaohaoProcess.REGULATOR));
            assertThat(firstPage).hasSize(5);
            long last = firstPage.get(4).get("position").asLong();
            List<JsonNode> nextPage = lines(later.get("/api/audit/events?after=" + last + "&limit=5",
                    YaohaoProcess.REGULATOR));
            assertThat(nextPage.get(0).get("position").asLong()).isGreaterThan(last);
            assertThat(lines(later.get("/api/audit/events?after=99999999", YaohaoProcess.REGULATOR))).isEmpty();
            HttpResponse<String> badLimit = later.get("/api/audit/events?limit=0", YaohaoProcess.REGULATOR);
            assertThat(badLimit.statusCode()).isEqualTo(400);
            assertThat(badLimit.body()).contains("\"field\":\"limit\"");

            // the honest draw verifies, on the server and offline on the regulator's export
            JsonNode verdict = JSON.readTree(later.post(verification, null, YaohaoProcess.REGULATOR).body());
            assertThat(verdict.get("outcome").asText()).as(verdict.toString()).isEqualTo("MATCH");
            assertThat(verdict.get("entryCount").asInt()).isEqualTo(4);
            assertThat(later.post("/api/audit/draws/2026-ORD-10/PERSONAL/verification", null,
                    YaohaoProcess.REGULATOR).statusCode()).isEqualTo(404);
            Files.writeString(export, later.get("/api/audit/events?limit=100000", YaohaoProcess.REGULATOR).body());
        }

        String policyDirectory = "--policy-directory=" + work.resolve("policies");
        Tool honest = tool(export.toString(), RoundScenario.ROUND + "/PERSONAL", policyDirectory);
        assertThat(honest.exit()).as(honest.output()).isZero();
        assertThat(honest.output()).contains("\"MATCH\"");
        String nonWinner = entrants.stream().filter(code -> !winners.contains(code)).findFirst().orElseThrow();
        Path tamperedExport = work.resolve("tampered.ndjson");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(export)) {
            JsonNode event = JSON.readTree(line);
            if (event.get("type").asText().endsWith(".PoolDrawnEvent")
                    && event.get("payload").get("pool").asText().equals("PERSONAL")) {
                ((ObjectNode) event.get("payload").get("winners").get(0)).put("code", nonWinner);
                line = JSON.writeValueAsString(event);
            }
            lines.add(line);
        }
        Files.write(tamperedExport, lines);
        Tool tampered = tool(tamperedExport.toString(), RoundScenario.ROUND + "/PERSONAL", policyDirectory);
        assertThat(tampered.exit()).as(tampered.output()).isEqualTo(1);
        assertThat(tampered.output()).contains("winner 1 differs: re-derived " + winners.get(0) + ", recorded "
                + nonWinner);

        // somebody with access to the database rewrites the second winner; only the verification notices
        EventLog.rewrite(data, "PoolDrawnEvent", "pool", "PERSONAL", drawn -> {
            ((ObjectNode) drawn.get("winners").get(1)).put("code", nonWinner);
            return drawn;
        });
        try (YaohaoProcess again = YaohaoProcess.start(data, RoundScenario.twoDaysLater(settings))) {
            JsonNode verdict = JSON.readTree(again.post(verification, null, YaohaoProcess.REGULATOR).body());
            assertThat(verdict.get("matches").asBoolean()).isFalse();
            assertThat(verdict.get("outcome").asText()).isEqualTo("WINNER_MISMATCH");
            assertThat(verdict.get("position").asInt()).isEqualTo(2);
            assertThat(verdict.get("expected").asText()).isEqualTo(winners.get(1));
            assertThat(verdict.get("actual").asText()).isEqualTo(nonWinner);
        }
    }

    private static JsonNode awaitHistory(YaohaoProcess app, String code, String... lastTypes) throws Exception {
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> response = app.get("/api/audit/applications/" + code + "/events",
                    YaohaoProcess.REGULATOR);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            if (java.util.Arrays.stream(lastTypes).allMatch(type -> response.body().contains("." + type + "\""))) {
                return JSON.readTree(response.body());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the history of " + code + " never showed " + String.join(", ", lastTypes));
    }

    private static String awaitAccessLog(YaohaoProcess app, String code) throws Exception {
        for (int i = 0; i < 300; i++) {
            String body = app.get("/api/access-log?code=" + code, YaohaoProcess.REGULATOR).body();
            if (body.contains("regulator-1")) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the access log never showed the regulator's read of " + code);
    }

    private static JsonNode find(JsonNode history, String type) {
        for (JsonNode event : history) {
            if (event.get("type").asText().endsWith("." + type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " in " + history);
    }

    private static List<JsonNode> lines(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private record Tool(int exit, String output) {
    }

    /** The jar's offline verification, as a regulator runs it: no server, only the exported file. */
    private static Tool tool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", YaohaoProcess.jar().toString(), "verify-draw"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Tool(process.exitValue(), output);
    }
}
