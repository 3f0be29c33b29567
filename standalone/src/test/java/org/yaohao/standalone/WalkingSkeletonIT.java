package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/** HTTP command → aggregate → event store → tracking projection in MongoDB → HTTP query, across a restart. */
class WalkingSkeletonIT {

    @TempDir
    Path work;

    @Test
    void submittedApplicationIsPrequalifiedAndSurvivesARestart() throws Exception {
        Path data = work.resolve("data");
        String prequalified;
        String rejected;
        String family;
        JsonNode before;
        YaohaoProcess app = YaohaoProcess.start(data);
        try {
            HttpResponse<String> created = app.post("/api/applications", Samples.individual(Samples.PASSES_HUKOU),
                    YaohaoProcess.CLERK_7); // a clerk of the Haidian counter: channel, district and name from the sign-in
            assertThat(created.statusCode()).isEqualTo(201);
            prequalified = JSON.readTree(created.body()).get("code").asText();
            assertThat(created.headers().firstValue("Location")).contains("/api/applications/" + prequalified);
            assertThat(prequalified).matches("\\d{13}");

            before = app.awaitStatus(prequalified, "PREQUALIFIED");
            assertThat(before.get("kind").asText()).isEqualTo("INDIVIDUAL");
            assertThat(before.get("quotaType").asText()).isEqualTo("ORDINARY");
            assertThat(before.get("applicantIdNumber").asText()).isEqualTo("110101********0017");
            assertThat(before.get("prequalification").get("outcome").asText()).isEqualTo("PREQUALIFIED");
            JsonNode submitted = before.get("timeline").get(0);
            assertThat(submitted.get("event").asText()).isEqualTo("ApplicationSubmitted");
            assertThat(submitted.get("channel").asText()).isEqualTo("COUNTER");
            assertThat(submitted.get("district").asText()).isEqualTo("HAIDIAN");
            assertThat(submitted.get("actingUser").asText()).isEqualTo("clerk-7");
            assertThat(before.get("timeline").get(1).get("actingUser").asText()).isEqualTo("system:prequalification");
            assertThat(app.get("/api/applications/" + prequalified).body()).doesNotContain(Samples.PASSES_HUKOU);

            rejected = JSON.readTree(app.post("/api/applications",
                    Samples.individual(Samples.SOCIAL_INSURANCE_GAP)).body()).get("code").asText();
            JsonNode rejection = app.awaitStatus(rejected, "REJECTED");
            JsonNode failed = rejection.get("prequalification").get("failedChecks");
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).get("registry").asText()).isEqualTo("SOCIAL_INSURANCE");
            assertThat(failed.get(0).get("reason").asText()).isEqualTo("SOCIAL_INSURANCE_GAP");

            family = JSON.readTree(app.post("/api/applications", Samples.family(Samples.FAMILY_MAIN,
                    Samples.FAMILY_SPOUSE, "SPOUSE", Samples.FAMILY_CHILD, "CHILD",
                    Samples.FAMILY_PARENT_IN_LAW, "PARENT_IN_LAW")).body()).get("code").asText();
            JsonNode familyView = app.awaitStatus(family, "PREQUALIFIED");
            assertThat(familyView.get("generations").asInt()).isEqualTo(3);
            assertThat(familyView.get("memberIdNumbers")).hasSize(3);

            HttpResponse<String> changed = app.post("/api/applications/" + family + "/quota-type",
                    "{\"quotaType\":\"ORDINARY\"}");
            assertThat(changed.statusCode()).isEqualTo(200);
            app.awaitStatus(family, view -> "ORDINARY".equals(view.get("quotaType").asText()));
        } finally {
            app.close();
        }
        assertThat(app.log()).as("no ID number appears unmasked in the logs")
                .doesNotContain(Samples.PASSES_HUKOU, Samples.SOCIAL_INSURANCE_GAP, Samples.FAMILY_MAIN,
                        Samples.FAMILY_SPOUSE, Samples.FAMILY_CHILD, Samples.FAMILY_PARENT_IN_LAW);

        YaohaoProcess again = YaohaoProcess.start(data);
        try {
            JsonNode after = again.awaitStatus(prequalified, "PREQUALIFIED");
            assertThat(after).isEqualTo(before);
            again.awaitStatus(rejected, "REJECTED");
            again.awaitStatus(family, view -> "ORDINARY".equals(view.get("quotaType").asText()));
            HttpResponse<String> duplicate = again.post("/api/applications", Samples.individual(Samples.PASSES_HUKOU));
            assertThat(duplicate.statusCode()).as("the person is still bound after a restart").isEqualTo(409);
            assertThat(JSON.readTree(duplicate.body()).get("conflictingApplicationCode").asText())
                    .isEqualTo(prequalified);
        } finally {
            again.close();
        }
    }
}
