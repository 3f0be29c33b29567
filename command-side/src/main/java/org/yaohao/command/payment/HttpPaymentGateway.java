package org.yaohao.command.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.RefundLine;
import org.yaohao.kernel.quota.ExtensionRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A real payment gateway over HTTP ({@code yaohao.payment.mode=http}; contract: docs/payment-gateway-contract.md).
 * <ul>
 *   <li>{@code POST {base}/payments} → 201 with the gateway's reference, {@code PENDING} and where to send the
 *       payer; the money is reported later through the signed callback;</li>
 *   <li>{@code POST {base}/payouts} → 202; the payout is confirmed later through the signed callback. The gateway
 *       pays one payment out at most once, so a payout may be requested again after a failure.</li>
 * </ul>
 * Any other answer, a timeout or a connection failure is a {@link PaymentGatewayException}; a payment request is not
 * repeated here, since without an answer it is unknown whether the gateway took it. The account goes to the gateway
 * and nowhere else: log lines and messages name the deposit and the payment only, and transport exceptions are not
 * chained because their messages are not ours to vouch for.
 */
class HttpPaymentGateway implements PaymentPort {

    private static final Logger log = LoggerFactory.getLogger(HttpPaymentGateway.class);

    record PaymentAnswer(String paymentReference, String status, String payerRedirectUrl) {
    }

    private final String baseUrl;
    private final String callbackUrl;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    HttpPaymentGateway(URI baseUrl, URI callbackUrl, Duration connectTimeout, Duration requestTimeout) {
        Objects.requireNonNull(baseUrl, "yaohao.payment.http.base-url is required in http mode");
        Objects.requireNonNull(callbackUrl, "yaohao.payment.http.callback-url is required in http mode");
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.callbackUrl = callbackUrl.toString();
        this.requestTimeout = Objects.requireNonNull(requestTimeout);
        this.http = HttpClient.newBuilder()
                .connectTimeout(Objects.requireNonNull(connectTimeout))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public PaymentOrder requestPayment(DepositId depositId, MoneyFen amount, String method, String account) {
        return collect(depositId.value(), amount, method, account, "payment of " + amount + " for deposit " + depositId);
    }

    /** The fee's merchant reference is {@code <quotaId>/extension-<n>}; the callback reports it as {@code EXTENSION_FEE}. */
    @Override
    public PaymentOrder requestExtensionFee(ExtensionRequest request, String method, String account) {
        return collect(request.quotaId().value() + "/extension-" + request.extension(), request.fee(), method, account,
                "fee of " + request.fee() + " for extension " + request.extension() + " of quota " + request.quotaId());
    }

    private PaymentOrder collect(String merchantReference, MoneyFen amount, String method, String account,
                                 String subject) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchantReference", merchantReference);
        body.put("amountFen", amount.fen());
        body.put("method", method);
        body.put("account", account);
        body.put("callbackUrl", callbackUrl);
        HttpResponse<String> response = post("/payments", body, subject);
        if (response.statusCode() != 201) {
            throw refused(subject, response);
        }
        PaymentAnswer answer;
        try {
            answer = mapper.readValue(response.body(), PaymentAnswer.class);
        } catch (JsonProcessingException e) {
            answer = null;
        }
        if (answer == null || answer.paymentReference() == null
                || !answer.paymentReference().matches(PaymentFields.REFERENCE)
                || answer.status() == null || answer.status().isBlank()) {
            log.warn("Payment gateway answered outside the contract for the {}", subject);
            throw new PaymentGatewayException("the payment gateway answered outside the contract for the " + subject);
        }
        log.info("Payment gateway took the {} as {} ({})", subject, answer.paymentReference(), answer.status());
        return new PaymentOrder(answer.paymentReference(), answer.status(), answer.payerRedirectUrl());
    }

    @Override
    public void requestPayout(DepositId depositId, RefundLine refund) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("paymentReference", refund.paymentReference());
        body.put("amountFen", refund.amount().fen());
        body.put("merchantReference", depositId.value());
        String subject = "payout of payment " + refund.paymentReference() + " of deposit " + depositId;
        HttpResponse<String> response = post("/payouts", body, subject);
        if (response.statusCode() != 202) {
            throw refused(subject, response);
        }
        log.info("Payment gateway accepted the {}", subject);
    }

    private HttpResponse<String> post(String path, Map<String, Object> body, String subject) {
        String json;
        try {
            json = mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers is always JSON", e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            log.warn("Payment gateway did not answer the {}: {}", subject, e.getClass().getSimpleName());
            throw new PaymentGatewayException("the payment gateway did not answer the " + subject + " ("
                    + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentGatewayException("interrupted while asking the payment gateway for the " + subject);
        }
    }

    private static PaymentGatewayException refused(String subject, HttpResponse<String> response) {
        log.warn("Payment gateway refused the {}: HTTP {}", subject, response.statusCode());
        return new PaymentGatewayException("the payment gateway refused the " + subject + " (HTTP "
                + response.statusCode() + ")");
    }
}
