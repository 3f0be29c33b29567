package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/** A deposit paid in three instalments over HTTP, a gateway callback delivered many times, and a refund. */
class DepositIT {

    private static final String CALLBACK_SECRET = "dev-only-callback-secret";

    @TempDir
    Path work;

    @Test
    void depositPaidInThreeInstalmentsThenRefundedByTheOriginalRouteAfterWithdrawal() throws Exception {
        try (YaohaoProcess app = YaohaoProcess.start(work.resolve("data"))) {
            String code = JSON.readTree(app.post("/api/applications", Samples.individual(Samples.PASSES_HUKOU)).body())
                    .get("code").asText();
            app.awaitStatus(code, "PREQUALIFIED");

            HttpResponse<String> opened = app.post("/api/applications/" + code + "/deposits",
                    "{\"roundId\":\"2027-ORD-01\",\"plan\":\"INSTALMENTS\"}");
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            JsonNode deposit = JSON.readTree(opened.body());
            String depositId = deposit.get("depositId").asText();
            assertThat(deposit.get("amountDueFen").asLong()).isEqualTo(200_000);
            assertThat(deposit.get("instalmentsFen").toString()).isEqualTo("[66667,66667,66666]");

            assertProblem(app.post("/api/applications/" + code + "/deposits", "{\"roundId\":\"2027-NEV-01\"}"),
                    422, "ROUND_TYPE_MISMATCH");
            assertProblem(app.post("/api/applications/" + code + "/deposits", "{\"roundId\":\"2027-ORD-01\"}"),
                    409, "DEPOSIT_EXISTS");

            String payments = "/api/deposits/" + depositId + "/payments";
            assertThat(pay(app, payments, 66_667, "6222020200112233445").statusCode()).isEqualTo(200);
            assertProblem(pay(app, payments, 200_000, "6222020200112233445"), 422, "PAYMENT_EXCEEDS_AMOUNT_DUE");
            assertProblem(app.post(payments, "{\"amountFen\":666.67,\"method\":\"BANK_CARD\",\"account\":\"6222020200112233445\"}"),
                    400, null);
            assertProblem(pay(app, payments, 0, "6222020200112233445"), 400, "AMOUNT_NOT_POSITIVE");
            assertThat(pay(app, payments, 66_667, "6222020200112233445").statusCode()).isEqualTo(200);

            JsonNode partly = app.awaitStatus(code, view -> view.path("deposits").path(0).path("paidFen").asLong() == 133_334);
            assertThat(partly.get("deposits").get(0).get("status").asText()).isEqualTo("PARTLY_PAID");

            // the last instalment arrives as a gateway callback, delivered ten times at once
            String callback = """
                    {"type":"PAYMENT","paymentReference":"GW-PAY-0001","depositId":"%s","amountFen":66666,
                     "method":"ALIPAY","maskedAccount":"138****8000","at":"2026-11-27T02:00:00Z"}""".formatted(depositId);
            ExecutorService gateway = Executors.newFixedThreadPool(10);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> deliveries = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                deliveries.add(gateway.submit(() -> {
                    go.await();
                    return app.post("/api/payments/callbacks", callback,
                            Map.of("X-Gateway-Signature", sign(callback)));
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> delivery : deliveries) {
                assertThat(delivery.get().statusCode()).as(delivery.get().body()).isEqualTo(200);
            }
            gateway.shutdown();

            JsonNode paid = app.awaitStatus(code, view -> "PAID_IN_FULL".equals(
                    view.path("deposits").path(0).path("status").asText()));
            JsonNode paidDeposit = paid.get("deposits").get(0);
            assertThat(paidDeposit.get("paidFen").asLong()).isEqualTo(200_000);
            assertThat(paidDeposit.get("instalments")).hasSize(3).allSatisfy(
                    instalment -> assertThat(instalment.get("paidAt").isNull()).isFalse());
            assertThat(paidDeposit.get("paidInFullAt").isNull()).isFalse();
            assertProblem(pay(app, payments, 1, "6222020200112233445"), 409, "DEPOSIT_ALREADY_PAID");
            assertThat(app.post("/api/payments/callbacks", callback, Map.of("X-Gateway-Signature", "00"))
                    .statusCode()).isEqualTo(401);

            // withdrawal: the refund is due 7 working days later and goes back by each payment's route
            assertThat(app.post("/api/applications/" + code + "/withdrawal", null).statusCode()).isEqualTo(200);
            JsonNode refunded = app.awaitStatus(code, view -> "REFUNDED".equals(
                    view.path("deposits").path(0).path("status").asText()));
            JsonNode refundedDeposit = refunded.get("deposits").get(0);
            assertThat(refundedDeposit.get("refundDueDate").asText()).isNotBlank();
            assertThat(refundedDeposit.get("refundedAt").isNull()).isFalse();
            assertProblem(pay(app, payments, 1, "6222020200112233445"), 409, "APPLICATION_WITHDRAWN");

            JsonNode ledger = JSON.readTree(app.get("/api/payments/ledger?depositId=" + depositId).body());
            long paidIn = 0;
            long paidOut = 0;
            for (JsonNode entry : ledger) {
                assertThat(entry.toString()).doesNotContain("6222020200112233445");
                if ("PAYMENT".equals(entry.get("kind").asText())) {
                    paidIn += entry.get("amountFen").asLong();
                } else {
                    paidOut += entry.get("amountFen").asLong();
                }
            }
            assertThat(paidIn).as("the embedded gateway took the two instalments paid through it").isEqualTo(133_334);
            assertThat(paidOut).as("everything paid went back, the callback payment included").isEqualTo(200_000);
        }
    }

    private static HttpResponse<String> pay(YaohaoProcess app, String path, long fen, String account) throws Exception {
        return app.post(path, "{\"amountFen\":%d,\"method\":\"BANK_CARD\",\"account\":\"%s\"}".formatted(fen, account));
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(CALLBACK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        if (code != null) {
            assertThat(JSON.readTree(response.body()).get("code").asText()).as(response.body()).isEqualTo(code);
        }
    }
}
