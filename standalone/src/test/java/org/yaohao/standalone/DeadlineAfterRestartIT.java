package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/**
 * "Not all answered within 24 hours → manual review", and the rule survives a restart: a deadline that passed
 * while the system was down fires when it starts. The registries are unreachable (HTTP adapter pointed at a
 * closed port) and the policy under test shortens the deadline to seconds, so the test need not wait a day.
 */
class DeadlineAfterRestartIT {

    @TempDir
    Path work;

    @Test
    void deadlineThatPassedWhileDownSendsTheApplicationToManualReviewOnStart() throws Exception {
        Path policies = Files.createDirectories(work.resolve("policies"));
        Files.writeString(policies.resolve("short-deadline.json"), """
                {"version":"short-deadline","socialInsuranceMonths":60,"incomeTaxYears":5,
                 "enterpriseMinimumTaxYuan":500000,"enterpriseMaximumQuotas":5,
                 "prequalificationDeadline":"PT8S","registryRetryInterval":"PT1H",
                 "depositOrdinaryYuan":2000,"depositNewEnergyYuan":1000,"depositInstalments":3,"refundWorkingDays":7}""");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String[] settings = {"--yaohao.policy.directory=" + policies, "--yaohao.policy.active=short-deadline",
                "--yaohao.registry.mode=http", "--yaohao.registry.http.base-url=http://127.0.0.1:" + closedPort,
                "--yaohao.registry.http.attempts=1", "--yaohao.registry.http.connect-timeout=200ms"};
        Path data = work.resolve("data");

        YaohaoProcess app = YaohaoProcess.start(data, settings);
        String code = JSON.readTree(app.post("/api/applications", Samples.individual(Samples.PASSES_HUKOU)).body())
                .get("code").asText();
        JsonNode waiting = app.awaitStatus(code, "AWAITING_PREQUALIFICATION");
        assertThat(waiting.get("policyVersion").asText()).isEqualTo("short-deadline");
        app.kill();

        Thread.sleep(9_000); // the deadline passes while nothing runs

        YaohaoProcess again = YaohaoProcess.start(data, settings);
        try {
            JsonNode review = again.awaitStatus(code, "MANUAL_REVIEW");
            assertThat(review.get("prequalification").get("unansweredRegistries")).isNotEmpty();
            Thread.sleep(2_000);
            JsonNode later = JSON.readTree(again.get("/api/applications/" + code).body());
            long reviews = 0;
            for (JsonNode entry : later.get("timeline")) {
                if (entry.get("event").asText().equals("ApplicationSentToManualReview")) {
                    reviews++;
                }
            }
            assertThat(reviews).as("the deadline fires exactly once").isEqualTo(1);
        } finally {
            again.close();
        }
    }
}
