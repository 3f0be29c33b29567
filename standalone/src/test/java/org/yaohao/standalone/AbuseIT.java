package org.yaohao.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.ANONYMOUS;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/**
 * A repeated {@code Idempotency-Key} gets the first answer and creates nothing more, even after a restart; too many
 * sign-ins or look-ups get 429 with {@code Retry-After}.
 */
class AbuseIT {

    @Test
    void aRepeatedIdempotencyKeyCreatesOneApplication(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        YaohaoProcess app = YaohaoProcess.start(data);
        try {
            Map<String, String> headers = new HashMap<>(ANONYMOUS);
            headers.put("Idempotency-Key", "form-7f3a9c");
            String body = Samples.individual(Samples.PASSES_HUKOU);

            HttpResponse<String> first = app.post("/api/applications", body, headers);
            HttpResponse<String> again = app.post("/api/applications", body, headers);
            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(again.statusCode()).as("not 409: the same request, answered again").isEqualTo(201);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
            assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");

            HttpResponse<String> otherBody = app.post("/api/applications",
                    Samples.individual(Samples.PASSES_WORK_PERMIT), headers);
            assertThat(otherBody.statusCode()).isEqualTo(422);
            assertThat(JSON.readTree(otherBody.body()).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

            app = app.restart();
            HttpResponse<String> afterRestart = app.post("/api/applications", body, headers);
            assertThat(afterRestart.statusCode()).isEqualTo(201);
            assertThat(afterRestart.body()).isEqualTo(first.body());

            // without the key, the same submission is a second attempt and the rule answers it
            assertThat(app.post("/api/applications", body, ANONYMOUS).statusCode()).isEqualTo(409);
        } finally {
            app.close();
        }
        assertThat(EventLog.countsByType(data)).containsEntry("ApplicationSubmittedEvent", 1);
    }

    @Test
    void tooManySignInsAndLookUpsAreRefusedWithRetryAfter(@TempDir Path dir) throws Exception {
        try (YaohaoProcess app = YaohaoProcess.start(dir.resolve("data"), "--yaohao.rate-limit.sign-in-per-code=2",
                "--yaohao.rate-limit.sign-in-per-client=4", "--yaohao.rate-limit.lookup-per-code=3")) {
            String code = ApplicantAccessIT.submit(app, Samples.PASSES_HUKOU, "13812340000");
            String other = ApplicantAccessIT.submit(app, Samples.PASSES_WORK_PERMIT, "13812340001");
            String token = ApplicantAccessIT.signIn(app, code, Samples.PASSES_HUKOU, "13812340000", "d1"); // 2 requests

            // guessing ID numbers for one code: the second try of the minute is the last
            HttpResponse<String> guess = signIn(app, code, Samples.PASSES_WORK_PERMIT);
            assertThat(guess.statusCode()).isEqualTo(401);
            HttpResponse<String> limited = signIn(app, code, Samples.PASSES_HUKOU);
            assertRateLimited(limited);

            // per client: four sign-in requests a minute from this address, whatever the code
            assertRateLimited(signIn(app, other, Samples.PASSES_WORK_PERMIT));

            // look-ups of one application by its applicant
            Map<String, String> applicant = YaohaoProcess.bearer(token);
            for (int i = 0; i < 3; i++) {
                assertThat(app.get("/api/applications/" + code, applicant).statusCode()).isEqualTo(200);
            }
            assertRateLimited(app.get("/api/applications/" + code, applicant));
            // staff are not limited
            for (int i = 0; i < 5; i++) {
                assertThat(app.get("/api/applications/" + code, YaohaoProcess.CLERK_7).statusCode()).isEqualTo(200);
            }
        }
    }

    private static HttpResponse<String> signIn(YaohaoProcess app, String code, String idNumber) throws Exception {
        return app.post("/api/applicant-sessions", """
                {"code":"%s","idNumber":"%s"}""".formatted(code, idNumber), ANONYMOUS);
    }

    private static void assertRateLimited(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    }
}
