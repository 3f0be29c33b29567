package org.yaohao.command.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.yaohao.command.web.CommandProblemHandler;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.deposit.ConfirmDepositRefundCommand;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.PaymentRoute;
import org.yaohao.kernel.deposit.RecordDepositPaymentCommand;
import org.yaohao.kernel.quota.PayQuotaExtensionFeeCommand;
import org.yaohao.kernel.quota.QuotaId;
import org.yaohao.kernel.round.RoundId;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The payment endpoints on a real server socket, with the embedded gateway and its ledger in H2, and a recording
 * command gateway standing in for the deposit.
 */
@SpringBootTest(classes = PaymentHttpApiTest.Api.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:payment-api;DB_CLOSE_DELAY=-1",
                "spring.jackson.deserialization.fail-on-unknown-properties=true",
                "spring.mvc.problemdetails.enabled=true",
                "yaohao.payment.callback-secret=test-secret"})
class PaymentHttpApiTest {

    private static final String SECRET = "test-secret";
    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final String CARD = "6222020200112233445";

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
            DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
    @Import({PaymentConfiguration.class, PaymentCallbacks.class, PaymentCallbackController.class,
            DepositPaymentController.class, PaymentLedgerController.class, CommandProblemHandler.class})
    static class Api {

        @Bean
        RecordingCommandGateway commandGateway() {
            return new RecordingCommandGateway();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    RecordingCommandGateway commands;
    @Autowired
    ObjectMapper springMapper;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    /** A fresh deposit per test: the ledger is shared by the tests of this class. */
    private DepositId deposit;

    @BeforeEach
    void reset() {
        commands.sent.clear();
        commands.accept();
        deposit = DepositId.of(ApplicationCode.random().value() + "-2023-ORD-02");
    }

    private String paymentCallback() {
        return """
                {"type":"PAYMENT","paymentReference":"GW-778","depositId":"%s","amountFen":66667,
                 "method":"BANK_CARD","maskedAccount":"6222****1234","at":"2026-01-05T10:00:00Z"}""".formatted(deposit);
    }

    private HttpResponse<String> callback(String body, String signature) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/payments/callbacks"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(CallbackSignature.HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signedCallback(String body) throws IOException, InterruptedException {
        return callback(body, CallbackSignature.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> pay(String depositId, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/deposits/" + depositId
                                + "/payments"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    // --- callbacks

    @Test
    void recordsASignedPaymentCallback() throws Exception {
        HttpResponse<String> response = signedCallback(paymentCallback());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).get("applied").asBoolean()).isTrue();
        assertThat(commands.payloads()).containsExactly(new RecordDepositPaymentCommand(deposit, "GW-778",
                MoneyFen.ofFen(66_667), new PaymentRoute("BANK_CARD", "6222****1234"), NOW));
    }

    @Test
    void answersADuplicateCallbackAlike() throws Exception {
        assertThat(signedCallback(paymentCallback()).statusCode()).isEqualTo(200);
        HttpResponse<String> again = signedCallback(paymentCallback());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(body(again).get("applied").asBoolean()).isTrue();
        assertThat(commands.payloads()).hasSize(2).allMatch(p -> p instanceof RecordDepositPaymentCommand c
                && c.paymentReference().equals("GW-778")); // the deposit applies the reference once
    }

    @Test
    void confirmsASignedPayoutCallback() throws Exception {
        String body = """
                {"type":"PAYOUT","paymentReference":"GW-778","payoutReference":"GW-OUT-9","depositId":"%s",
                 "amountFen":66667,"method":"BANK_CARD","maskedAccount":"6222****1234","at":"2026-01-12T02:00:00Z"}"""
                .formatted(deposit);

        assertThat(signedCallback(body).statusCode()).isEqualTo(200);
        assertThat(commands.payloads()).containsExactly(new ConfirmDepositRefundCommand(deposit, "GW-778",
                "GW-OUT-9", Instant.parse("2026-01-12T02:00:00Z")));
    }

    @Test
    void recordsASignedExtensionFeeCallbackForTheQuota() throws Exception {
        QuotaId quota = QuotaId.of(RoundId.of("2023-ORD-02"), deposit.applicationCode().value() + "-2");
        String body = """
                {"type":"EXTENSION_FEE","paymentReference":"GW-901","quotaId":"%s","extension":2,"amountFen":30000,
                 "method":"ALIPAY","maskedAccount":"138****8000","at":"2026-01-05T10:00:00Z"}""".formatted(quota);

        assertThat(signedCallback(body).statusCode()).isEqualTo(200);
        assertThat(commands.payloads()).containsExactly(new PayQuotaExtensionFeeCommand(quota, 2, "GW-901",
                MoneyFen.ofFen(30_000), NOW));
    }

    @Test
    void namesTheBrokenFieldsOfAnExtensionFeeCallback() throws Exception {
        String body = """
                {"type":"EXTENSION_FEE","paymentReference":"GW-901","quotaId":"2023-ORD-02-123","extension":0,
                 "depositId":"%s","amountFen":30000,"method":"ALIPAY","maskedAccount":"138****8000",
                 "at":"2026-01-05T10:00:00Z"}""".formatted(deposit);

        HttpResponse<String> response = signedCallback(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("quotaId", "extension", "depositId");
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void refusesACallbackWithAWrongSignature() throws Exception {
        String body = paymentCallback();
        HttpResponse<String> response = callback(body, CallbackSignature.sign("guessed",
                body.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(body(response).get("type").asText())
                .isEqualTo(PaymentCallbackController.SIGNATURE_PROBLEM.toString());
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void refusesACallbackSignedForAnotherBody() throws Exception {
        String signature = CallbackSignature.sign(SECRET, paymentCallback().getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = callback(paymentCallback().replace("66667", "6666700"), signature);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void refusesAnUnsignedCallback() throws Exception {
        HttpResponse<String> response = callback(paymentCallback(), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body(response).get("code").asText()).isEqualTo("CALLBACK_SIGNATURE_INVALID");
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void refusesAFractionalAmountInsteadOfTruncatingIt() throws Exception {
        HttpResponse<String> response = signedCallback(paymentCallback().replace("66667", "666.67"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("errors")).extracting(e -> e.get("field").asText(), e -> e.get("code").asText())
                .containsExactly(tuple("amountFen", ErrorCode.AMOUNT_NOT_POSITIVE.name()));
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void namesEveryMissingOrBrokenFieldOfACallback() throws Exception {
        String body = """
                {"type":"PAYMENT","paymentReference":"GW-778","amountFen":0,"method":"CASH",
                 "maskedAccount":"6222020200112233445","at":"yesterday"}""";

        HttpResponse<String> response = signedCallback(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("errors")).extracting(e -> e.get("field").asText(), e -> e.get("code").asText())
                .containsExactly(tuple("depositId", "MISSING_FIELD"), tuple("amountFen", "AMOUNT_NOT_POSITIVE"),
                        tuple("method", "INVALID_VALUE"), tuple("maskedAccount", "INVALID_VALUE"),
                        tuple("at", "INVALID_VALUE"));
        assertThat(response.body()).doesNotContain("6222020200112233445");
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void refusesAPayoutReferenceOnAPaymentAndRequiresItOnAPayout() throws Exception {
        HttpResponse<String> payment = signedCallback(paymentCallback().replace("\"depositId\"",
                "\"payoutReference\":\"GW-OUT-9\",\"depositId\""));
        HttpResponse<String> payout = signedCallback(paymentCallback().replace("PAYMENT", "PAYOUT"));

        assertThat(payment.statusCode()).isEqualTo(400);
        assertThat(body(payment).get("field").asText()).isEqualTo("payoutReference");
        assertThat(payout.statusCode()).isEqualTo(400);
        assertThat(body(payout).get("errors")).extracting(e -> e.get("field").asText(), e -> e.get("code").asText())
                .containsExactly(tuple("payoutReference", "MISSING_FIELD"));
    }

    @Test
    void refusesAMalformedDepositId() throws Exception {
        HttpResponse<String> response = signedCallback(paymentCallback().replace(deposit.value(), "2643806522199-X"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("code").asText()).isEqualTo(ErrorCode.DEPOSIT_ID_FORMAT.name());
        assertThat(body(response).get("field").asText()).isEqualTo("depositId");
    }

    @Test
    void answersNotFoundForADepositTheSystemDoesNotKnow() throws Exception {
        commands.refuseWith(ErrorCode.DEPOSIT_NOT_FOUND, "depositId");

        HttpResponse<String> response = signedCallback(paymentCallback());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(body(response).get("type").asText()).isEqualTo(ErrorCode.DEPOSIT_NOT_FOUND.type());
    }

    @Test
    void refusesABodyThatIsNotJson() throws Exception {
        HttpResponse<String> response = signedCallback("type=PAYMENT");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("code").asText()).isEqualTo(ErrorCode.MALFORMED_REQUEST.name());
    }

    // --- paying a deposit through the embedded gateway

    @Test
    void paysADepositAndShowsTheMoneyInTheLedger() throws Exception {
        HttpResponse<String> response = pay(deposit.value(),
                "{\"amountFen\":66667,\"method\":\"BANK_CARD\",\"account\":\"" + CARD + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode order = body(response);
        assertThat(order.get("paymentReference").asText()).startsWith("PAY-");
        assertThat(order.get("status").asText()).isEqualTo("SETTLED");
        assertThat(response.body()).doesNotContain(CARD);
        assertThat(commands.payloads()).containsExactly(new RecordDepositPaymentCommand(deposit,
                order.get("paymentReference").asText(), MoneyFen.ofFen(66_667),
                new PaymentRoute("BANK_CARD", "6222***********3445"), NOW));

        HttpResponse<String> ledger = get("/api/payments/ledger?depositId=" + deposit);
        assertThat(ledger.statusCode()).isEqualTo(200);
        assertThat(body(ledger)).extracting(e -> e.get("kind").asText(), e -> e.get("amountFen").asLong(),
                        e -> e.get("maskedAccount").asText(), e -> e.get("at").asText())
                .containsExactly(tuple("PAYMENT", 66_667L, "6222***********3445", "2026-01-05T10:00:00Z"));
        assertThat(ledger.body()).doesNotContain(CARD);
    }

    @Test
    void movesNoMoneyWhenTheDepositRefusesThePayment() throws Exception {
        commands.refuseWith(ErrorCode.PAYMENT_EXCEEDS_AMOUNT_DUE, "amountFen");

        HttpResponse<String> response = pay(deposit.value(),
                "{\"amountFen\":300000,\"method\":\"BANK_CARD\",\"account\":\"" + CARD + "\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(body(response).get("code").asText()).isEqualTo("PAYMENT_EXCEEDS_AMOUNT_DUE");
        assertThat(body(get("/api/payments/ledger?depositId=" + deposit))).isEmpty();
    }

    @Test
    void namesEveryBrokenFieldOfAPaymentWithoutEchoingTheAccount() throws Exception {
        HttpResponse<String> response = pay("not-a-deposit",
                "{\"amountFen\":666.67,\"method\":\"CASH\",\"account\":\"6222-0202\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("errors")).extracting(e -> e.get("field").asText(), e -> e.get("code").asText())
                .containsExactly(tuple("depositId", "DEPOSIT_ID_FORMAT"), tuple("amountFen", "AMOUNT_NOT_POSITIVE"),
                        tuple("method", "INVALID_VALUE"), tuple("account", "INVALID_VALUE"));
        assertThat(response.body()).doesNotContain("6222-0202");
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void refusesAQuotedAmountAndAnUnknownField() throws Exception {
        HttpResponse<String> quoted = pay(deposit.value(),
                "{\"amountFen\":\"66667\",\"method\":\"ALIPAY\",\"account\":\"13800000000\"}");
        HttpResponse<String> unknown = pay(deposit.value(),
                "{\"amountFen\":66667,\"method\":\"ALIPAY\",\"account\":\"13800000000\",\"cvv\":\"123\"}");

        assertThat(quoted.statusCode()).isEqualTo(400);
        assertThat(body(quoted).get("code").asText()).isEqualTo("AMOUNT_NOT_POSITIVE");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(body(unknown).get("code").asText()).isEqualTo("UNKNOWN_FIELD");
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void asksWhichDepositsLedgerToShow() throws Exception {
        HttpResponse<String> response = get("/api/payments/ledger");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("code").asText()).isEqualTo("MISSING_FIELD");
    }

    // --- why spring.jackson.deserialization.accept-float-as-int=false matters elsewhere

    record WholeAmount(Long amountFen) {
    }

    @Test
    void springsDefaultMapperTruncatesAFractionIntoALong() throws Exception {
        // Boot leaves Jackson's ACCEPT_FLOAT_AS_INT on: any request field typed Long/Integer takes 666.67 as 666.
        assertThat(springMapper.readValue("{\"amountFen\":666.67}", WholeAmount.class).amountFen()).isEqualTo(666L);
    }
}
