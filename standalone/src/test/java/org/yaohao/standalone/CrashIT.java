package org.yaohao.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/**
 * Submissions in flight over HTTP, the process killed with SIGKILL, started again on the same data: every
 * application that got a 201 is there, with its events and its status document, and none is there twice.
 */
class CrashIT {

    @TempDir
    Path work;

    @Test
    void everyAcceptedApplicationSurvivesAKillDuringSubmissions() throws Exception {
        Path data = work.resolve("data");
        YaohaoProcess app = YaohaoProcess.start(data);
        Map<String, String> accepted = new ConcurrentHashMap<>(); // code -> ID number
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        for (int client = 0; client < 6; client++) {
            Random random = new Random(client);
            clients.submit(() -> {
                while (running.get()) {
                    String idNumber = Samples.randomIdNumber(random);
                    try {
                        HttpResponse<String> response = app.post("/api/applications", Samples.individual(idNumber));
                        if (response.statusCode() == 201) {
                            accepted.put(JSON.readTree(response.body()).get("code").asText(), idNumber);
                        }
                    } catch (IOException killed) {
                        return null; // the server went away mid-request: that one was never accepted
                    }
                }
                return null;
            });
        }
        Instant until = Instant.now().plusSeconds(20);
        while (accepted.size() < 150 && Instant.now().isBefore(until)) {
            Thread.sleep(20);
        }
        app.kill();
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(accepted).as("submissions were accepted before the kill").hasSizeGreaterThan(20);

        YaohaoProcess again = YaohaoProcess.start(data);
        try {
            for (String code : accepted.keySet()) {
                // an ID number unknown to the registry: pre-qualification rejects it, before or after the crash
                again.awaitStatus(code, view -> "REJECTED".equals(view.path("status").asText()));
            }
            List<String> sample = accepted.keySet().stream().limit(5).toList();
            for (String code : sample) {
                assertThat(again.get("/api/applications/" + code).body()).doesNotContain(accepted.get(code));
            }
        } finally {
            again.close();
        }

        Map<String, Integer> submissions = EventLog.aggregatesWith(data, "ApplicationSubmittedEvent");
        assertThat(submissions.keySet()).containsAll(accepted.keySet());
        assertThat(submissions.values()).allMatch(count -> count == 1);
        Map<String, Integer> claims = EventLog.aggregatesWith(data, "ApplicantClaimedEvent");
        assertThat(claims).as("each person claimed once").hasSameSizeAs(submissions);
        assertThat(claims.values()).allMatch(count -> count == 1);
    }

}
