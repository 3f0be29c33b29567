package org.yaohao.command.prequalification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaohao.kernel.application.Registry;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The production registry adapter: one HTTP gateway in front of the external registries (contract:
 * docs/registry-contract.md).
 * <ul>
 *   <li>200 → the record; 404 → no record;</li>
 *   <li>5xx, timeout, connection failure → asked again, up to {@code attempts} times in all, waiting {@code backoff},
 *       then twice that, and so on; then {@link RegistryUnavailableException};</li>
 *   <li>any other status, or a 200 body outside the contract → {@link RegistryUnavailableException} at once.</li>
 * </ul>
 * Log lines and exception messages name the person by masked ID number only; transport exceptions are not chained
 * because their messages are not ours to vouch for.
 */
class HttpRegistryClient implements RegistryPort {

    private static final Logger log = LoggerFactory.getLogger(HttpRegistryClient.class);

    private final String baseUrl;
    private final Duration requestTimeout;
    private final int attempts;
    private final Duration backoff;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    HttpRegistryClient(URI baseUrl, Duration connectTimeout, Duration requestTimeout, int attempts, Duration backoff) {
        Objects.requireNonNull(baseUrl, "yaohao.registry.http.base-url is required in http mode");
        if (attempts < 1) {
            throw new IllegalArgumentException("yaohao.registry.http.attempts must be at least 1");
        }
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.requestTimeout = Objects.requireNonNull(requestTimeout);
        this.attempts = attempts;
        this.backoff = Objects.requireNonNull(backoff);
        this.http = HttpClient.newBuilder()
                .connectTimeout(Objects.requireNonNull(connectTimeout))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Optional<SocialInsuranceRecord> socialInsurance(ResidentIdNumber id) {
        return person(Registry.SOCIAL_INSURANCE, id, "social-insurance", SocialInsuranceRecord.class);
    }

    @Override
    public Optional<IncomeTaxRecord> incomeTax(ResidentIdNumber id) {
        return person(Registry.INCOME_TAX, id, "income-tax", IncomeTaxRecord.class);
    }

    @Override
    public Optional<DrivingLicenceRecord> drivingLicence(ResidentIdNumber id) {
        return person(Registry.DRIVING_LICENCE, id, "driving-licence", DrivingLicenceRecord.class);
    }

    @Override
    public Optional<ResidenceRecord> residence(ResidentIdNumber id) {
        return person(Registry.RESIDENCE, id, "residence", ResidenceRecord.class);
    }

    @Override
    public Optional<CarOwnershipRecord> carOwnership(ResidentIdNumber id) {
        return person(Registry.CAR_OWNERSHIP, id, "car-ownership", CarOwnershipRecord.class);
    }

    @Override
    public Optional<EnterpriseTaxRecord> enterpriseTax(UnifiedSocialCreditCode code) {
        return get(Registry.ENTERPRISE_TAX, URI.create(baseUrl + "/enterprises/" + code.value() + "/tax"),
                "enterprise " + code, EnterpriseTaxRecord.class);
    }

    private <T> Optional<T> person(Registry registry, ResidentIdNumber id, String resource, Class<T> type) {
        // ID numbers are 17 digits and a digit or X: nothing to escape in a path segment
        return get(registry, URI.create(baseUrl + "/persons/" + id.value() + "/" + resource),
                "person " + id.masked(), type);
    }

    private <T> Optional<T> get(Registry registry, URI uri, String subject, Class<T> type) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        String lastFailure = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                pause(registry, subject, backoff.multipliedBy(1L << Math.min(attempt - 2, 30)));
            }
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastFailure = e.getClass().getSimpleName();
                log.warn("{} registry, attempt {}/{} for {}: {}", registry, attempt, attempts, subject, lastFailure);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryUnavailableException(registry,
                        registry + " registry: interrupted while asking about " + subject);
            }
            int status = response.statusCode();
            if (status == 200) {
                return Optional.of(parse(registry, subject, response.body(), type));
            }
            if (status == 404) {
                return Optional.empty();
            }
            lastFailure = "HTTP " + status;
            if (status < 500 || status > 599) {
                log.warn("{} registry refused the request for {}: {}", registry, subject, lastFailure);
                throw new RegistryUnavailableException(registry,
                        registry + " registry refused the request for " + subject + " (" + lastFailure + ")");
            }
            log.warn("{} registry, attempt {}/{} for {}: {}", registry, attempt, attempts, subject, lastFailure);
        }
        throw new RegistryUnavailableException(registry, registry + " registry did not answer for " + subject
                + " after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " (last: " + lastFailure + ")");
    }

    private <T> T parse(Registry registry, String subject, String body, Class<T> type) {
        try {
            return Objects.requireNonNull(mapper.readValue(body, type), "empty body");
        } catch (JsonProcessingException | NullPointerException | IllegalArgumentException e) {
            log.warn("{} registry answered outside the contract for {}: {}", registry, subject,
                    e.getClass().getSimpleName());
            throw new RegistryUnavailableException(registry,
                    registry + " registry answered outside the contract for " + subject);
        }
    }

    private static void pause(Registry registry, String subject, Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException(registry,
                    registry + " registry: interrupted while waiting to ask again about " + subject);
        }
    }
}
