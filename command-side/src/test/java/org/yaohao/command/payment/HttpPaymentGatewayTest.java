package org.yaohao.command.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.PaymentRoute;
import org.yaohao.kernel.deposit.RefundLine;
import org.yaohao.kernel.quota.ExtensionRequest;
import org.yaohao.kernel.quota.QuotaId;
import org.yaohao.kernel.round.RoundId;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP adapter against a real server socket on 127.0.0.1 (contract: docs/payment-gateway-contract.md). */
@ExtendWith(OutputCaptureExtension.class)
class HttpPaymentGatewayTest {

    private static final DepositId DEPOSIT = PaymentCallbacksTest.DEPOSIT;
    private static final String CARD = "6222020200112233445";
    private static final URI CALLBACK = URI.create("https://yaohao.example/api/payments/callbacks");

    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private HttpPaymentGateway gateway;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.start();
        gateway = new HttpPaymentGateway(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pay/"),
                CALLBACK, Duration.ofSeconds(1), Duration.ofMillis(500));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void answer(String path, int status, String body) {
        server.createContext(path, exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type"));
            bodies.add(json.readTree(request));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    @Test
    void asksForAPaymentAndReturnsThePendingOrder() {
        answer("/pay/payments", 201, """
                {"paymentReference":"GW-778","status":"PENDING","payerRedirectUrl":"https://pay.example/confirm/778",
                 "extra":"ignored"}""");

        PaymentOrder order = gateway.requestPayment(DEPOSIT, MoneyFen.ofFen(66_667), "BANK_CARD", CARD);

        assertThat(order).isEqualTo(new PaymentOrder("GW-778", "PENDING", "https://pay.example/confirm/778"));
        assertThat(requests).containsExactly("POST /pay/payments application/json");
        JsonNode body = bodies.get(0);
        assertThat(body.get("merchantReference").asText()).isEqualTo(DEPOSIT.value());
        assertThat(body.get("amountFen").isIntegralNumber()).isTrue();
        assertThat(body.get("amountFen").longValue()).isEqualTo(66_667);
        assertThat(body.get("method").asText()).isEqualTo("BANK_CARD");
        assertThat(body.get("account").asText()).isEqualTo(CARD);
        assertThat(body.get("callbackUrl").asText()).isEqualTo(CALLBACK.toString());
    }

    @Test
    void asksForAnExtensionFeeNamingTheQuotaAndTheExtension() {
        answer("/pay/payments", 201, "{\"paymentReference\":\"GW-779\",\"status\":\"PENDING\"}");
        QuotaId quota = QuotaId.of(RoundId.of("2023-ORD-02"), DEPOSIT.applicationCode().value());

        PaymentOrder order = gateway.requestExtensionFee(new ExtensionRequest(quota, 2, MoneyFen.ofYuan(300),
                Instant.parse("2026-01-06T10:00:00Z")), "ALIPAY", CARD);

        assertThat(order).isEqualTo(new PaymentOrder("GW-779", "PENDING", null));
        JsonNode body = bodies.get(0);
        assertThat(body.get("merchantReference").asText()).isEqualTo(quota.value() + "/extension-2");
        assertThat(body.get("amountFen").longValue()).isEqualTo(30_000);
        assertThat(body.get("method").asText()).isEqualTo("ALIPAY");
    }

    @Test
    void refusesAPaymentTheGatewayRefusesWithoutNamingTheAccount(CapturedOutput output) {
        answer("/pay/payments", 422, "{\"error\":\"card blocked\"}");

        assertThatThrownBy(() -> gateway.requestPayment(DEPOSIT, MoneyFen.ofFen(66_667), "BANK_CARD", CARD))
                .isInstanceOf(PaymentGatewayException.class)
                .hasMessageContaining("HTTP 422")
                .hasMessageContaining(DEPOSIT.value())
                .hasMessageNotContaining(CARD);
        assertThat(output.getAll()).doesNotContain(CARD);
    }

    @Test
    void refusesAnAnswerOutsideTheContract() {
        answer("/pay/payments", 201, "{\"status\":\"PENDING\"}");

        assertThatThrownBy(() -> gateway.requestPayment(DEPOSIT, MoneyFen.ofFen(66_667), "BANK_CARD", CARD))
                .isInstanceOf(PaymentGatewayException.class)
                .hasMessageContaining("outside the contract");
    }

    @Test
    void givesUpOnAGatewayThatDoesNotAnswerInTime() {
        server.createContext("/pay/payments", exchange -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });

        assertThatThrownBy(() -> gateway.requestPayment(DEPOSIT, MoneyFen.ofFen(66_667), "BANK_CARD", CARD))
                .isInstanceOf(PaymentGatewayException.class)
                .hasMessageContaining("did not answer");
    }

    @Test
    void givesUpOnAGatewayThatIsNotThere() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpPaymentGateway absent = new HttpPaymentGateway(URI.create("http://127.0.0.1:" + closedPort),
                CALLBACK, Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThatThrownBy(() -> absent.requestPayment(DEPOSIT, MoneyFen.ofFen(1), "ALIPAY", "13800000000"))
                .isInstanceOf(PaymentGatewayException.class)
                .hasMessageContaining("did not answer");
    }

    @Test
    void asksForAPayoutOfOnePayment() {
        answer("/pay/payouts", 202, "");

        gateway.requestPayout(DEPOSIT, new RefundLine("GW-778", MoneyFen.ofFen(66_667),
                new PaymentRoute("BANK_CARD", "6222****3445")));

        assertThat(requests).containsExactly("POST /pay/payouts application/json");
        JsonNode body = bodies.get(0);
        assertThat(body.get("paymentReference").asText()).isEqualTo("GW-778");
        assertThat(body.get("amountFen").longValue()).isEqualTo(66_667);
        assertThat(body.get("merchantReference").asText()).isEqualTo(DEPOSIT.value());
        assertThat(body.size()).isEqualTo(3);
    }

    @Test
    void refusesAPayoutTheGatewayDoesNotAccept() {
        answer("/pay/payouts", 503, "");

        assertThatThrownBy(() -> gateway.requestPayout(DEPOSIT, new RefundLine("GW-778", MoneyFen.ofFen(66_667),
                new PaymentRoute("BANK_CARD", "6222****3445"))))
                .isInstanceOf(PaymentGatewayException.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("GW-778");
    }

    @Test
    void needsItsAddresses() {
        assertThatThrownBy(() -> new HttpPaymentGateway(null, CALLBACK, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("yaohao.payment.http.base-url");
        assertThatThrownBy(() -> new HttpPaymentGateway(CALLBACK, null, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("yaohao.payment.http.callback-url");
    }
}
