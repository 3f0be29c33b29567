package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/**
 * A policy of two ordinary rounds around today ({@code 2026-ORD-09} with its cut-off today and its draw tomorrow,
 * {@code 2026-ORD-10} a month later) and the steps of taking part in them over HTTP.
 */
final class RoundScenario {

    static final String SEED = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    static final String ROUND = "2026-ORD-09";

    private RoundScenario() {
    }

    /** Writes the policy {@code test-round} into {@code policies} and answers the arguments that make it active. */
    static String[] policy(Path policies) throws IOException {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Files.createDirectories(policies);
        Files.writeString(policies.resolve("test-round.json"), Samples.policy("test-round", """
                [{"id":"2026-ORD-09","drawDate":"%s","cutOff":"%s","pools":[
                    {"pool":"PERSONAL","method":"LOTTERY","quota":2},
                    {"pool":"ENTERPRISE","method":"LOTTERY","quota":3}]},
                  {"id":"2026-ORD-10","drawDate":"%s","cutOff":"%s","pools":[
                    {"pool":"PERSONAL","method":"LOTTERY","quota":2},
                    {"pool":"ENTERPRISE","method":"LOTTERY","quota":1}]}]""".formatted(today.plusDays(1), today,
                today.plusDays(60), today.plusDays(30))));
        return new String[] {"--yaohao.policy.directory=" + policies, "--yaohao.policy.active=test-round"};
    }

    /** The same arguments, two days later: the cut-off of {@value #ROUND} has passed. */
    static String[] twoDaysLater(String[] policy) {
        return new String[] {policy[0], policy[1], "--yaohao.clock.offset=PT48H"};
    }

    /** Submits the application and, once it is prequalified, pays its deposit for {@value #ROUND} in full. */
    static String submitAndPay(YaohaoProcess app, String application) throws Exception {
        String code = code(app.post("/api/applications", application));
        JsonNode view = app.awaitStatus(code, v -> !"AWAITING_PREQUALIFICATION".equals(v.path("status").asText()));
        if (!"PREQUALIFIED".equals(view.get("status").asText())) {
            return code;
        }
        pay(app, code);
        return code;
    }

    static void pay(YaohaoProcess app, String code) throws Exception {
        HttpResponse<String> deposit = app.post("/api/applications/" + code + "/deposits",
                "{\"roundId\":\"" + ROUND + "\"}");
        assertThat(deposit.statusCode()).as(deposit.body()).isEqualTo(201);
        String depositId = JSON.readTree(deposit.body()).get("depositId").asText();
        HttpResponse<String> payment = app.post("/api/deposits/" + depositId + "/payments",
                "{\"amountFen\":200000,\"method\":\"BANK_CARD\",\"account\":\"6222020200112233445\"}");
        assertThat(payment.statusCode()).as(payment.body()).isEqualTo(200);
    }

    static String code(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("code").asText();
    }

    /** Polls {@value #ROUND} until it has the status. */
    static JsonNode awaitRound(YaohaoProcess app, String status) throws Exception {
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> response = app.get("/api/rounds/" + ROUND);
            if (response.statusCode() == 200 && response.body().contains("\"" + status + "\"")) {
                return JSON.readTree(response.body());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("round " + ROUND + " did not reach " + status);
    }
}
