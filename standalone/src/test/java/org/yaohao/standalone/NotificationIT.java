package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/**
 * Notifications through the outbox, as the applicant's phone sees them: one per cause, even when the system is killed
 * (SIGKILL) with notifications still waiting and started again, and nothing again after a clean restart.
 */
class NotificationIT {

    private static final String PHONE = "13855556666";
    private static final String APP_PHONE = "13877778888";

    @Test
    void everyCauseReachesThePhoneExactlyOnceAcrossAKillAndARestart(@TempDir Path dir) throws Exception {
        YaohaoProcess app = YaohaoProcess.start(dir.resolve("data"));
        List<String> codes = new ArrayList<>();
        try {
            for (String person : List.of(Samples.PASSES_HUKOU, Samples.PASSES_RESIDENCE_PERMIT,
                    Samples.SOCIAL_INSURANCE_GAP, Samples.CAR_OWNER)) {
                codes.add(ApplicantAccessIT.submit(app, person, PHONE));
            }
            String viaApp = JSON.readTree(app.post("/api/applications", Samples.individual(
                    Samples.PASSES_WORK_PERMIT, APP_PHONE), Map.of("X-Channel", "APP", "Authorization", "")).body())
                    .get("code").asText();
            app.kill(); // pre-qualification and its notifications may be anywhere between event and phone

            app = app.restart();
            for (String code : codes) {
                Inbox.await(app, PHONE, Inbox.about("PREQUALIFICATION_RESULT", code));
            }
            JsonNode push = Inbox.await(app, APP_PHONE, Inbox.about("PREQUALIFICATION_RESULT", viaApp)
                    .and(m -> m.path("channel").asText().equals("APP_PUSH")));
            Inbox.await(app, APP_PHONE, Inbox.about("PREQUALIFICATION_RESULT", viaApp)
                    .and(m -> m.path("channel").asText().equals("SMS")));
            assertThat(push.get("text").asText()).contains("passed pre-qualification");

            // a payment received, then a clean restart: nothing is delivered a second time
            String prequalified = codes.get(0);
            app.awaitStatus(prequalified, "PREQUALIFIED");
            assertThat(app.post("/api/applications/" + prequalified + "/deposits",
                    "{\"roundId\":\"2027-ORD-01\",\"plan\":\"FULL\"}").statusCode()).isEqualTo(201);
            assertThat(app.post("/api/deposits/" + prequalified + "-2027-ORD-01/payments",
                    "{\"amountFen\":200000,\"method\":\"BANK_CARD\",\"account\":\"6222020200112233445\"}")
                    .statusCode()).isEqualTo(200);
            JsonNode paid = Inbox.await(app, PHONE, Inbox.about("PAYMENT_RECEIVED", prequalified));
            assertThat(paid.get("text").asText()).contains("2000.00 yuan");

            app = app.restart();
            Thread.sleep(3000); // several passes of the dispatcher

            List<JsonNode> messages = Inbox.messages(app, PHONE);
            for (String code : codes) {
                assertThat(messages).as("pre-qualification result of %s", code)
                        .filteredOn(Inbox.about("PREQUALIFICATION_RESULT", code)).hasSize(1);
            }
            assertThat(messages).filteredOn(Inbox.topic("PAYMENT_RECEIVED")).hasSize(1);
            assertThat(Inbox.messages(app, APP_PHONE)).hasSize(2);
            Set<String> ids = new HashSet<>();
            messages.forEach(m -> assertThat(ids.add(m.get("id").asText())).as("id %s once", m.get("id")).isTrue());
            assertThat(app.get("/api/applications/" + codes.get(2)).body()).contains("REJECTED");
        } finally {
            app.close();
        }
    }
}
