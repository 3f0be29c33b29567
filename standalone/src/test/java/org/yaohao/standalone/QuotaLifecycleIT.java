package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.draw.SeedCommitment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.ANONYMOUS;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/**
 * A quota's life over HTTP against the packaged jar: three applicants win a round; the first extends their quota
 * (paying the fee through the embedded gateway) three times, is refused a fourth, gets the confirmation notice as PDF
 * and has it verified, and registers a car after two refused attempts; the regulator revokes the second; the third is
 * left unused. Then the system is stopped, the clock moved past the third quota's last valid day and the system
 * started again, twice: the quota expires exactly once, and the revoked quota's reminder, withdrawn, never arrives.
 */
class QuotaLifecycleIT {

    private static final String SEED = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    /** The round of {@link RoundIT#submitAndPay}, whose deposits it pays. */
    private static final String ROUND = "2026-ORD-09";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String ACCOUNT = "6222020200112233445";
    private static final String VIN = "1HGCM82633A004352";

    @TempDir
    Path work;

    private record Winner(String idNumber, String phone, String code, String quotaId) {
    }

    @Test
    void fromWinThroughExtensionAndRegistrationToExpiryAfterARestart() throws Exception {
        LocalDate today = LocalDate.now(BEIJING);
        Path policies = Files.createDirectories(work.resolve("policies"));
        Files.writeString(policies.resolve("test-quota.json"), Samples.policy("test-quota", """
                [{"id":"%s","drawDate":"%s","cutOff":"%s","pools":[
                    {"pool":"PERSONAL","method":"LOTTERY","quota":3},
                    {"pool":"ENTERPRISE","method":"LOTTERY","quota":1}]}]""".formatted(ROUND, today.plusDays(1), today)));
        String[] settings = {"--yaohao.policy.directory=" + policies, "--yaohao.policy.active=test-quota"};
        Path data = work.resolve("data");

        Map<String, String> applicants = new LinkedHashMap<>();
        applicants.put(Samples.PASSES_HUKOU, "13800138001");
        applicants.put(Samples.PASSES_RESIDENCE_PERMIT, "13800138002");
        applicants.put(Samples.PASSES_WORK_PERMIT, "13800138003");
        Map<String, String> codes = new LinkedHashMap<>();
        try (YaohaoProcess app = YaohaoProcess.start(data, settings)) {
            for (Map.Entry<String, String> applicant : applicants.entrySet()) {
                String code = RoundScenario.submitAndPay(app, Samples.individual(applicant.getKey(), applicant.getValue()));
                app.awaitStatus(code, v -> v.path("deposits").path(0).path("status").asText().equals("PAID_IN_FULL"));
                codes.put(applicant.getKey(), code);
            }
            assertThat(app.post("/api/rounds", "{\"roundId\":\"" + ROUND + "\"}").statusCode()).isEqualTo(201);
            String commitment = SeedCommitment.commit(HexFormat.of().parseHex(SEED));
            assertThat(app.post("/api/rounds/" + ROUND + "/seed-commitment",
                    "{\"commitment\":\"" + commitment + "\"}").statusCode()).isEqualTo(200);
        }

        String[] twoDaysLater = with(settings, "--yaohao.clock.offset=PT48H");
        LocalDate issuedOn = today.plusDays(2);
        Winner first;
        Winner second;
        Winner third;
        try (YaohaoProcess app = YaohaoProcess.start(data, twoDaysLater)) {
            assertThat(app.post("/api/rounds/" + ROUND + "/pool-freeze", null).statusCode()).isEqualTo(200);
            assertThat(app.post("/api/rounds/" + ROUND + "/draw", "{\"seed\":\"" + SEED + "\"}").statusCode())
                    .isEqualTo(200);
            assertThat(app.post("/api/rounds/" + ROUND + "/results-publication", null).statusCode()).isEqualTo(200);
            List<Winner> winners = applicants.entrySet().stream().map(a -> new Winner(a.getKey(), a.getValue(),
                    codes.get(a.getKey()), ROUND + "-" + codes.get(a.getKey()))).toList();
            first = winners.get(0);
            second = winners.get(1);
            third = winners.get(2);

            // the quota inside the application's status, and on its own, the holder's ID number masked
            for (Winner winner : winners) {
                JsonNode status = app.awaitStatus(winner.code(), v -> v.path("quotas").size() == 1);
                JsonNode quota = status.get("quotas").get(0);
                assertThat(quota.get("quotaId").asText()).isEqualTo(winner.quotaId());
                assertThat(quota.get("status").asText()).isEqualTo("VALID");
                assertThat(quota.get("issuedOn").asText()).isEqualTo(issuedOn.toString());
                assertThat(quota.get("validUntil").asText()).isEqualTo(issuedOn.plusMonths(12).minusDays(1).toString());
                assertThat(quota.get("holderIdNumber").asText())
                        .isEqualTo(ResidentIdNumber.of(winner.idNumber()).masked());
            }

            Map<String, String> holder = YaohaoProcess.bearer(ApplicantAccessIT.signIn(app, first.code(),
                    first.idNumber(), first.phone(), "quota-device"));
            Map<String, String> somebodyElse = YaohaoProcess.bearer(ApplicantAccessIT.signIn(app, third.code(),
                    third.idNumber(), third.phone(), "quota-device"));
            assertThat(app.get("/api/quotas/" + first.quotaId(), somebodyElse).statusCode()).isEqualTo(403);
            assertThat(app.post("/api/quotas/" + first.quotaId() + "/extensions", fee(), somebodyElse).statusCode())
                    .isEqualTo(403);

            // three extensions, each paid at once through the embedded gateway; a fourth is refused
            for (int n = 1; n <= 3; n++) {
                HttpResponse<String> extension = app.post("/api/quotas/" + first.quotaId() + "/extensions", fee(),
                        holder);
                assertThat(extension.statusCode()).as(extension.body()).isEqualTo(201);
                JsonNode answer = JSON.readTree(extension.body());
                assertThat(answer.get("extension").asInt()).isEqualTo(n);
                assertThat(answer.get("feeFen").asLong()).isEqualTo(30_000);
                assertThat(answer.get("payment").get("status").asText()).isEqualTo("SETTLED");
                int paid = n;
                awaitQuota(app, first.quotaId(), holder, q -> q.path("extensions").size() == paid);
            }
            JsonNode extended = awaitQuota(app, first.quotaId(), holder, q -> q.path("extensions").size() == 3);
            assertThat(extended.get("validUntil").asText()).isEqualTo(issuedOn.plusMonths(30).minusDays(1).toString());
            assertThat(extended.get("pendingExtension").isNull()).isTrue();
            HttpResponse<String> fourth = app.post("/api/quotas/" + first.quotaId() + "/extensions", fee(), holder);
            assertProblem(fourth, 422, "QUOTA_EXTENSIONS_EXHAUSTED", "quotaId");

            // the confirmation notice, parsed back, and its verification code checked by anyone
            HttpResponse<byte[]> notice = getBytes(app, "/api/quotas/" + first.quotaId() + "/notice", holder);
            assertThat(notice.statusCode()).isEqualTo(200);
            assertThat(notice.headers().firstValue("Content-Type")).contains("application/pdf");
            String text;
            try (PDDocument pdf = Loader.loadPDF(notice.body())) {
                text = new PDFTextStripper().getText(pdf);
            }
            String masked = ResidentIdNumber.of(first.idNumber()).masked();
            assertThat(text).contains(first.quotaId(), masked, "Extension 3: valid until "
                    + issuedOn.plusMonths(30).minusDays(1)).doesNotContain(first.idNumber());
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("Verification code: (\\S+)").matcher(text);
            assertThat(code.find()).as(text).isTrue();
            HttpResponse<String> genuine = app.get("/api/quotas/verification/" + code.group(1), ANONYMOUS);
            assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(200);
            assertThat(JSON.readTree(genuine.body()).get("quotaId").asText()).isEqualTo(first.quotaId());
            assertThat(JSON.readTree(genuine.body()).get("holderIdNumber").asText()).isEqualTo(masked);
            assertProblem(app.get("/api/quotas/verification/ABCD-EFGH-JKMN-PQRS", ANONYMOUS), 404,
                    "NOTICE_NOT_FOUND", "code");

            // refused registrations change nothing: a VIN with a wrong check digit, a car of somebody else's
            String wrongCheckDigit = VIN.substring(0, 8) + "4" + VIN.substring(9);
            assertProblem(app.post("/api/quotas/" + first.quotaId() + "/registration",
                    registration(first.idNumber(), wrongCheckDigit, "京N12345", issuedOn), holder), 400,
                    "VIN_CHECK_DIGIT", "vin");
            assertProblem(app.post("/api/quotas/" + first.quotaId() + "/registration",
                    registration(second.idNumber(), VIN, "京N12345", issuedOn), holder), 422,
                    "REGISTRANT_NOT_HOLDER", "ownerIdNumber");
            assertProblem(app.post("/api/quotas/" + first.quotaId() + "/registration",
                    registration(first.idNumber(), VIN, "京N12345", issuedOn.plusDays(1)), holder), 422,
                    "REGISTRATION_OUTSIDE_VALIDITY", "registeredOn");
            assertThat(awaitQuota(app, first.quotaId(), holder, q -> true).get("status").asText()).isEqualTo("VALID");

            HttpResponse<String> registered = app.post("/api/quotas/" + first.quotaId() + "/registration",
                    registration(first.idNumber(), VIN, "京N12345", issuedOn), holder);
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            JsonNode used = awaitQuota(app, first.quotaId(), holder, q -> "USED".equals(q.path("status").asText()));
            assertThat(used.get("registration").get("vin").asText()).isEqualTo(VIN);
            assertThat(used.get("registration").get("plateNumber").asText()).isEqualTo("京N12345");
            assertProblem(app.post("/api/quotas/" + first.quotaId() + "/registration",
                    registration(first.idNumber(), VIN, "京N54321", issuedOn), holder), 409, "QUOTA_USED", "quotaId");
            assertProblem(app.post("/api/quotas/" + first.quotaId() + "/extensions", fee(), holder), 409,
                    "QUOTA_USED", "quotaId");

            // the regulator revokes the second quota, with the reason; nothing more can be done with it
            assertThat(app.post("/api/quotas/" + second.quotaId() + "/revocation", "{\"reason\":\"forged\"}")
                    .statusCode()).isEqualTo(403);
            HttpResponse<String> revoked = app.post("/api/quotas/" + second.quotaId() + "/revocation",
                    "{\"reason\":\"forged residence permit\"}", YaohaoProcess.REGULATOR);
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
            JsonNode revokedView = awaitQuota(app, second.quotaId(), YaohaoProcess.REGULATOR,
                    q -> "REVOKED".equals(q.path("status").asText()));
            assertThat(revokedView.get("revocation").get("reason").asText()).isEqualTo("forged residence permit");
            assertProblem(app.post("/api/quotas/" + second.quotaId() + "/registration",
                    registration(second.idNumber(), VIN, "京N12345", issuedOn), YaohaoProcess.CLERK_7), 409,
                    "QUOTA_REVOKED", "quotaId");

            // one winner in three extended
            HttpResponse<String> share = app.get("/api/statistics/quota-extensions", YaohaoProcess.ANALYST);
            assertThat(share.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(share.body()).get("quotasIssued").asInt()).isEqualTo(3);
            assertThat(JSON.readTree(share.body()).get("extendedAtLeastOnce").asInt()).isEqualTo(1);
            assertThat(JSON.readTree(share.body()).get("sharePercent").decimalValue()).isEqualByComparingTo("33.3");
        }
        assertThat(EventLog.countsByType(data)).containsEntry("QuotaIssuedEvent", 3)
                .containsEntry("QuotaExtendedEvent", 3).containsEntry("QuotaUsedEvent", 1)
                .containsEntry("QuotaRevokedEvent", 1).doesNotContainKey("QuotaExpiredEvent");

        // the system is down while the third quota's last valid day, and the revoked one's reminder date, pass
        String[] monthsLater = with(settings, "--yaohao.clock.offset=PT" + (48 + 24 * 400) + "H");
        try (YaohaoProcess app = YaohaoProcess.start(data, monthsLater)) {
            JsonNode expired = awaitQuota(app, third.quotaId(), app.admin(),
                    q -> "EXPIRED".equals(q.path("status").asText()));
            assertThat(expired.get("expiredAt").asText()).isNotBlank();
            assertThat(awaitQuota(app, first.quotaId(), app.admin(), q -> true).get("status").asText())
                    .isEqualTo("USED");
            assertThat(awaitQuota(app, second.quotaId(), app.admin(), q -> true).get("status").asText())
                    .isEqualTo("REVOKED");
            assertProblem(app.post("/api/quotas/" + third.quotaId() + "/extensions", fee(), app.admin()), 409,
                    "QUOTA_EXPIRED", "quotaId");
            Thread.sleep(3_000);
        }
        try (YaohaoProcess app = YaohaoProcess.start(data, monthsLater)) {
            awaitQuota(app, third.quotaId(), app.admin(), q -> "EXPIRED".equals(q.path("status").asText()));
            Thread.sleep(3_000);
            assertThat(Inbox.messages(app, second.phone())).noneMatch(Inbox.topic("QUOTA_EXPIRY_REMINDER"));
            assertThat(Inbox.messages(app, first.phone())).noneMatch(Inbox.topic("QUOTA_EXPIRY_REMINDER"));
        }
        assertThat(EventLog.countsByType(data)).as("the expiry happened exactly once")
                .containsEntry("QuotaExpiredEvent", 1);
        assertThat(EventLog.aggregatesWith(data, "QuotaExpiredEvent")).containsOnlyKeys(third.quotaId());
    }

    private static String[] with(String[] settings, String more) {
        String[] all = java.util.Arrays.copyOf(settings, settings.length + 1);
        all[settings.length] = more;
        return all;
    }

    private static String fee() {
        return "{\"method\":\"BANK_CARD\",\"account\":\"" + ACCOUNT + "\"}";
    }

    private static String registration(String owner, String vin, String plate, LocalDate on) {
        return """
                {"ownerIdNumber":"%s","vin":"%s","plateNumber":"%s","registeredOn":"%s"}"""
                .formatted(owner, vin, plate, on);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code, String field)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("field").asText()).isEqualTo(field);
    }

    private static JsonNode awaitQuota(YaohaoProcess app, String quotaId, Map<String, String> as,
                                       Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = app.get("/api/quotas/" + quotaId, as);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200) {
                JsonNode quota = JSON.readTree(response.body());
                if (condition.test(quota)) {
                    return quota;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("quota " + quotaId + " did not reach the expected state; last seen: " + last);
    }

    private static HttpResponse<byte[]> getBytes(YaohaoProcess app, String path, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
