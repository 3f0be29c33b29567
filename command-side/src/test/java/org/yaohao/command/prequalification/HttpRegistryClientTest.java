package org.yaohao.command.prequalification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.yaohao.kernel.application.Registry;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP adapter against a real server socket on 127.0.0.1 (contract: docs/registry-contract.md). */
@ExtendWith(OutputCaptureExtension.class)
class HttpRegistryClientTest {

    private static final ResidentIdNumber ID = ResidentIdNumber.of("110101198503120017");
    private static final UnifiedSocialCreditCode COMPANY = UnifiedSocialCreditCode.of("91110105MA01ABCD13");
    private static final String PERSON = "/api/persons/" + ID.value();

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    private HttpRegistryClient client(int attempts, Duration backoff) {
        return new HttpRegistryClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/"),
                Duration.ofSeconds(1), Duration.ofMillis(300), attempts, backoff);
    }

    private HttpRegistryClient client() {
        return client(3, Duration.ofMillis(10));
    }

    /** Answers {@code path} with the given status and body, in turn; the last answer repeats. */
    private void answer(String path, Object... statusAndBody) {
        Deque<Object[]> answers = new ArrayDeque<>();
        for (int i = 0; i < statusAndBody.length; i += 2) {
            answers.add(new Object[]{statusAndBody[i], statusAndBody[i + 1]});
        }
        server.createContext(path, exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " Accept="
                    + exchange.getRequestHeaders().getFirst("Accept"));
            Object[] next;
            synchronized (answers) {
                next = answers.size() > 1 ? answers.poll() : answers.peek();
            }
            respond(exchange, (Integer) next[0], (String) next[1]);
        });
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void parsesEveryRecordFromA200Answer() {
        answer(PERSON + "/social-insurance", 200, "{\"paidPeriods\":[{\"from\":\"2019-01\",\"to\":\"2024-06\"},{\"from\":\"2025-01\",\"to\":null}]}");
        answer(PERSON + "/income-tax", 200, "{\"taxPaidFenByYear\":{\"2021\":350000}}");
        answer(PERSON + "/driving-licence", 200, "{\"validUntil\":\"2030-01-31\"}");
        answer(PERSON + "/residence", 200,
                "{\"beijingHukou\":false,\"workResidencePermit\":false,\"residencePermitValidUntil\":\"2027-03-01\"}");
        answer(PERSON + "/car-ownership", 200, "{\"passengerCarsRegisteredInBeijing\":0,\"someFutureField\":true}");
        answer("/api/enterprises/" + COMPANY.value() + "/tax", 200, "{\"taxPaidYuanByYear\":{\"2025\":800000}}");
        HttpRegistryClient client = client();

        assertThat(client.socialInsurance(ID)).contains(new SocialInsuranceRecord(List.of(
                new PaidPeriod(YearMonth.of(2019, 1), YearMonth.of(2024, 6)), new PaidPeriod(YearMonth.of(2025, 1), null))));
        assertThat(client.incomeTax(ID)).contains(new IncomeTaxRecord(Map.of(2021, 350_000L)));
        assertThat(client.drivingLicence(ID)).contains(new DrivingLicenceRecord(LocalDate.of(2030, 1, 31)));
        assertThat(client.residence(ID)).contains(new ResidenceRecord(false, false, LocalDate.of(2027, 3, 1)));
        assertThat(client.carOwnership(ID)).contains(new CarOwnershipRecord(0));
        assertThat(client.enterpriseTax(COMPANY)).contains(new EnterpriseTaxRecord(Map.of(2025, 800_000L)));
        assertThat(requests).hasSize(6).allMatch(request -> request.startsWith("GET /api/") && request.endsWith("Accept=application/json"));
    }

    @Test
    void treatsNotFoundAsNoRecord() {
        answer(PERSON + "/driving-licence", 404, "{\"error\":\"no such person\"}");

        assertThat(client().drivingLicence(ID)).isEmpty();
        assertThat(requests).hasSize(1);
    }

    @Test
    void retriesServerErrorsAndReturnsTheLaterAnswer() {
        answer(PERSON + "/residence", 503, "", 503, "",
                200, "{\"beijingHukou\":true,\"workResidencePermit\":false,\"residencePermitValidUntil\":null}");

        assertThat(client().residence(ID)).contains(new ResidenceRecord(true, false, null));
        assertThat(requests).hasSize(3);
    }

    @Test
    void doublesTheBackoffBetweenAttempts() {
        answer(PERSON + "/car-ownership", 503, "");
        long start = System.nanoTime();

        assertThatThrownBy(() -> client(3, Duration.ofMillis(100)).carOwnership(ID))
                .isInstanceOf(RegistryUnavailableException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(requests).hasSize(3);
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsNamingOnlyTheMaskedId(CapturedOutput output) {
        answer(PERSON + "/social-insurance", 500, "{\"trace\":\"boom\"}");

        assertThatThrownBy(() -> client().socialInsurance(ID))
                .isInstanceOfSatisfying(RegistryUnavailableException.class,
                        e -> assertThat(e.registry()).isEqualTo(Registry.SOCIAL_INSURANCE))
                .hasMessageContaining(ID.masked())
                .hasMessageContaining("3 attempts")
                .hasMessageNotContaining(ID.value());
        assertThat(requests).hasSize(3);
        assertThat(output.getAll()).contains(ID.masked()).doesNotContain(ID.value());
    }

    @Test
    void doesNotRetryOtherClientErrors() {
        answer(PERSON + "/income-tax", 400, "{}");

        assertThatThrownBy(() -> client().incomeTax(ID))
                .isInstanceOfSatisfying(RegistryUnavailableException.class,
                        e -> assertThat(e.registry()).isEqualTo(Registry.INCOME_TAX))
                .hasMessageContaining("HTTP 400");
        assertThat(requests).hasSize(1);
    }

    @Test
    void givesUpOnARegistryThatAnswersAfterTheRequestTimeout() {
        server.createContext(PERSON + "/residence", exchange -> {
            requests.add("slow");
            try {
                Thread.sleep(2_000);
                respond(exchange, 200, "{\"beijingHukou\":true,\"workResidencePermit\":false,\"residencePermitValidUntil\":null}");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();

        assertThatThrownBy(() -> client(2, Duration.ofMillis(10)).residence(ID))
                .isInstanceOfSatisfying(RegistryUnavailableException.class,
                        e -> assertThat(e.registry()).isEqualTo(Registry.RESIDENCE))
                .hasMessageContaining("HttpTimeoutException");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_900));
        assertThat(requests).hasSize(2);
    }

    @Test
    void givesUpOnARegistryThatRefusesConnections() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpRegistryClient client = new HttpRegistryClient(URI.create("http://127.0.0.1:" + closedPort),
                Duration.ofMillis(500), Duration.ofMillis(500), 2, Duration.ofMillis(10));

        assertThatThrownBy(() -> client.enterpriseTax(COMPANY))
                .isInstanceOfSatisfying(RegistryUnavailableException.class,
                        e -> assertThat(e.registry()).isEqualTo(Registry.ENTERPRISE_TAX))
                .hasMessageContaining("after 2 attempts");
    }

    @Test
    void refusesAnAnswerOutsideTheContractWithoutRetrying() {
        answer(PERSON + "/car-ownership", 200, "{}");

        assertThatThrownBy(() -> client().carOwnership(ID))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("outside the contract");
        assertThat(requests).hasSize(1);
    }
}
