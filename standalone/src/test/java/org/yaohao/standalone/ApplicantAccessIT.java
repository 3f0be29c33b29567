package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.ANONYMOUS;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/**
 * An applicant signs in with their application code, ID number and the one-time code that reaches their phone, and
 * then reaches their own application only; a sign-in from a new device alerts them. The regulator reads personal data
 * unmasked, and every such read is in an access log that survives a restart and that nobody can erase.
 */
class ApplicantAccessIT {

    private static final String PHONE = "13811112222";
    private static final String OTHER_PHONE = "13833334444";

    @Test
    void anApplicantSignsInAndReachesOnlyTheirOwnApplication(@TempDir Path dir) throws Exception {
        try (YaohaoProcess app = YaohaoProcess.start(dir.resolve("data"))) {
            String own = submit(app, Samples.PASSES_HUKOU, PHONE);
            String other = submit(app, Samples.PASSES_WORK_PERMIT, OTHER_PHONE);

            String token = signIn(app, own, Samples.PASSES_HUKOU, PHONE, "phone-1");
            Map<String, String> applicant = YaohaoProcess.bearer(token);

            HttpResponse<String> mine = app.get("/api/applications/" + own, applicant);
            assertThat(mine.statusCode()).isEqualTo(200);
            assertThat(mine.body()).contains(own).doesNotContain(Samples.PASSES_HUKOU);
            HttpResponse<String> theirs = app.get("/api/applications/" + other, applicant);
            assertThat(theirs.statusCode()).isEqualTo(403);
            assertThat(theirs.body()).contains("ACCESS_DENIED").doesNotContain(other + "\",\"status");
            assertThat(app.post("/api/applications/" + other + "/withdrawal", "{}", applicant).statusCode())
                    .isEqualTo(403);
            assertThat(app.post("/api/deposits/" + other + "-2027-ORD-01/payments", "{}", applicant).statusCode())
                    .isEqualTo(403);
            assertThat(app.get("/api/applications/" + other, Map.of()).statusCode()).as("staff still can")
                    .isEqualTo(200);

            // the applicant acts on their own application, recorded as the applicant
            assertThat(app.post("/api/applications/" + own + "/quota-type", "{\"quotaType\":\"NEW_ENERGY\"}",
                    applicant).statusCode()).isEqualTo(200);
            JsonNode changed = app.awaitStatus(own, view -> "NEW_ENERGY".equals(view.path("quotaType").asText()));
            JsonNode last = changed.get("timeline").get(changed.get("timeline").size() - 1);
            assertThat(last.get("actingUser").asText()).isEqualTo("applicant");

            // their application was not withdrawn by the refused attempt
            assertThat(app.get("/api/applications/" + other, Map.of()).body()).doesNotContain("WITHDRAWN");
        }
    }

    @Test
    void wrongCredentialsAndWrongCodesDoNotSignIn(@TempDir Path dir) throws Exception {
        try (YaohaoProcess app = YaohaoProcess.start(dir.resolve("data"))) {
            String own = submit(app, Samples.PASSES_HUKOU, PHONE);

            HttpResponse<String> wrongPerson = app.post("/api/applicant-sessions", """
                    {"code":"%s","idNumber":"%s"}""".formatted(own, Samples.PASSES_WORK_PERMIT), ANONYMOUS);
            assertThat(wrongPerson.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(wrongPerson.body()).get("code").asText()).isEqualTo("SIGN_IN_FAILED");
            assertThat(wrongPerson.body()).doesNotContain(Samples.PASSES_WORK_PERMIT).doesNotContain(PHONE);
            assertThat(Inbox.messages(app, PHONE)).noneMatch(Inbox.topic("SIGN_IN_CODE"));

            HttpResponse<String> challenge = app.post("/api/applicant-sessions", """
                    {"code":"%s","idNumber":"%s"}""".formatted(own, Samples.PASSES_HUKOU), ANONYMOUS);
            assertThat(challenge.statusCode()).isEqualTo(201);
            JsonNode opened = JSON.readTree(challenge.body());
            assertThat(opened.get("sentTo").asText()).isEqualTo("138****2222");
            String sent = oneTimeCode(Inbox.await(app, PHONE, Inbox.topic("SIGN_IN_CODE")));
            String wrong = sent.equals("000000") ? "000001" : "000000";
            HttpResponse<String> refused = app.post(opened.get("tokenUrl").asText(), """
                    {"oneTimeCode":"%s","deviceId":"phone-1"}""".formatted(wrong), ANONYMOUS);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("SIGN_IN_FAILED");
            assertThat(JSON.readTree(refused.body()).has("token")).isFalse();
        }
    }

    @Test
    void aSignInFromANewDeviceAlertsTheApplicant(@TempDir Path dir) throws Exception {
        try (YaohaoProcess app = YaohaoProcess.start(dir.resolve("data"))) {
            String own = submit(app, Samples.PASSES_HUKOU, PHONE);

            signIn(app, own, Samples.PASSES_HUKOU, PHONE, "phone-1");
            signIn(app, own, Samples.PASSES_HUKOU, PHONE, "phone-1");
            assertThat(Inbox.messages(app, PHONE)).as("the same device again").noneMatch(
                    Inbox.topic("NEW_DEVICE_SIGN_IN"));

            signIn(app, own, Samples.PASSES_HUKOU, PHONE, "laptop-7");
            JsonNode alert = Inbox.await(app, PHONE, Inbox.about("NEW_DEVICE_SIGN_IN", own));
            assertThat(alert.get("channel").asText()).isEqualTo("SMS");
            Thread.sleep(1500); // a few more dispatcher passes
            assertThat(Inbox.messages(app, PHONE)).filteredOn(Inbox.topic("NEW_DEVICE_SIGN_IN")).hasSize(1);
        }
    }

    @Test
    void regulatorsReadPersonalDataUnmaskedAndEveryReadIsLogged(@TempDir Path dir) throws Exception {
        YaohaoProcess app = YaohaoProcess.start(dir.resolve("data"));
        try {
            String own = submit(app, Samples.PASSES_HUKOU, PHONE);

            HttpResponse<String> read = app.get("/api/applications/" + own + "/personal-data",
                    YaohaoProcess.REGULATOR);
            assertThat(read.statusCode()).isEqualTo(200);
            JsonNode data = JSON.readTree(read.body());
            assertThat(data.get("applicant").get("idNumber").asText()).isEqualTo(Samples.PASSES_HUKOU);
            assertThat(data.get("applicant").get("phone").asText()).isEqualTo(PHONE);

            for (Map<String, String> notAllowed : new Map[]{Map.of(), YaohaoProcess.CLERK_7, YaohaoProcess.ANALYST}) {
                HttpResponse<String> refused = app.get("/api/applications/" + own + "/personal-data", notAllowed);
                assertThat(refused.statusCode()).isEqualTo(403);
                assertThat(refused.body()).doesNotContain(Samples.PASSES_HUKOU);
            }
            String token = signIn(app, own, Samples.PASSES_HUKOU, PHONE, "phone-1");
            assertThat(app.get("/api/applications/" + own + "/personal-data", YaohaoProcess.bearer(token))
                    .statusCode()).as("not even the applicant's own, through this door").isEqualTo(403);

            JsonNode log = awaitAccessLog(app, own, 1);
            assertThat(log.get(0).get("reader").asText()).isEqualTo("regulator-1");
            assertThat(log.get(0).get("role").asText()).isEqualTo("REGULATOR");
            assertThat(log.toString()).doesNotContain(Samples.PASSES_HUKOU);

            // nobody erases it: there is no way to, and it is rebuilt from the event store after a restart
            assertThat(app.post("/api/access-log", "{}", YaohaoProcess.REGULATOR).statusCode()).isEqualTo(403);
            app = app.restart();
            assertThat(awaitAccessLog(app, own, 1).get(0).get("reader").asText()).isEqualTo("regulator-1");
        } finally {
            app.close();
        }
    }

    private static JsonNode awaitAccessLog(YaohaoProcess app, String code, int entries) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = app.get("/api/access-log?code=" + code, YaohaoProcess.REGULATOR);
            assertThat(response.statusCode()).isEqualTo(200);
            last = JSON.readTree(response.body());
            if (last.size() >= entries) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("access log of " + code + " has not " + entries + " entries: " + last);
    }

    static String submit(YaohaoProcess app, String idNumber, String phone) throws Exception {
        HttpResponse<String> created = app.post("/api/applications", Samples.individual(idNumber, phone), ANONYMOUS);
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body()).get("code").asText();
    }

    /** The whole sign-in, the one-time code read from the phone's inbox; returns the token. */
    static String signIn(YaohaoProcess app, String code, String idNumber, String phone, String deviceId)
            throws Exception {
        HttpResponse<String> challenge = app.post("/api/applicant-sessions", """
                {"code":"%s","idNumber":"%s"}""".formatted(code, idNumber), ANONYMOUS);
        assertThat(challenge.statusCode()).as(challenge.body()).isEqualTo(201);
        JsonNode opened = JSON.readTree(challenge.body());
        String challengeId = opened.get("challengeId").asText();
        JsonNode sms = Inbox.await(app, phone, message -> message.path("id").asText().equals("sign-in:" + challengeId));
        HttpResponse<String> token = app.post(opened.get("tokenUrl").asText(), """
                {"oneTimeCode":"%s","deviceId":"%s"}""".formatted(oneTimeCode(sms), deviceId), ANONYMOUS);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JsonNode issued = JSON.readTree(token.body());
        assertThat(issued.get("applicationCode").asText()).isEqualTo(code);
        return issued.get("token").asText();
    }

    private static String oneTimeCode(JsonNode sms) {
        Matcher matcher = Pattern.compile("\\b(\\d{6})\\b").matcher(sms.get("text").asText());
        assertThat(matcher.find()).as("a 6-digit code in " + sms).isTrue();
        return matcher.group(1);
    }
}
