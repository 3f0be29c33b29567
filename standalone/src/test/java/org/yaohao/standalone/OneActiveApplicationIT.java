package org.yaohao.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/** "A person may be in at most one active application, in any role", under concurrent submissions and restarts. */
class OneActiveApplicationIT {

    @TempDir
    Path work;

    @Test
    void exactlyOneOfManyConcurrentSubmissionsNamingTheSamePersonSucceeds() throws Exception {
        Path data = work.resolve("data");
        YaohaoProcess app = YaohaoProcess.start(data);
        String winner;
        try {
            // the same person as individual applicant, as a family's main applicant and as a family member
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                bodies.add(Samples.individual(Samples.FAMILY_SPOUSE));
                bodies.add(Samples.family(Samples.FAMILY_SPOUSE, Samples.FAMILY_CHILD, "CHILD"));
                bodies.add(Samples.family(Samples.FAMILY_MAIN, Samples.FAMILY_SPOUSE, "SPOUSE"));
            }
            ExecutorService clients = Executors.newFixedThreadPool(bodies.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (String body : bodies) {
                Callable<HttpResponse<String>> submit = () -> {
                    go.await();
                    return app.post("/api/applications", body);
                };
                responses.add(clients.submit(submit));
            }
            go.countDown();
            List<String> created = new ArrayList<>();
            List<HttpResponse<String>> conflicts = new ArrayList<>();
            for (Future<HttpResponse<String>> response : responses) {
                HttpResponse<String> answer = response.get();
                if (answer.statusCode() == 201) {
                    created.add(JSON.readTree(answer.body()).get("code").asText());
                } else {
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
                    conflicts.add(answer);
                }
            }
            clients.shutdown();

            assertThat(created).hasSize(1);
            winner = created.get(0);
            assertThat(conflicts).hasSize(bodies.size() - 1).allSatisfy(conflict -> {
                var problem = JSON.readTree(conflict.body());
                assertThat(problem.get("code").asText()).isEqualTo("ACTIVE_APPLICATION_EXISTS");
                assertThat(problem.get("conflictingApplicationCode").asText()).isEqualTo(winner);
                assertThat(conflict.body()).doesNotContain(Samples.FAMILY_SPOUSE);
            });
        } finally {
            app.close();
        }
        assertThat(EventLog.countsByType(data)).containsEntry("ApplicationSubmittedEvent", 1);

        YaohaoProcess again = YaohaoProcess.start(data);
        try {
            HttpResponse<String> later = again.post("/api/applications", Samples.individual(Samples.FAMILY_SPOUSE));
            assertThat(later.statusCode()).as("the rule holds across a restart").isEqualTo(409);
            assertThat(JSON.readTree(later.body()).get("conflictingApplicationCode").asText()).isEqualTo(winner);

            assertThat(again.post("/api/applications/" + winner + "/withdrawal", null).statusCode()).isEqualTo(200);
            HttpResponse<String> afterWithdrawal = again.post("/api/applications",
                    Samples.individual(Samples.FAMILY_SPOUSE));
            assertThat(afterWithdrawal.statusCode()).as("withdrawal frees the person").isEqualTo(201);
        } finally {
            again.close();
        }
    }
}
