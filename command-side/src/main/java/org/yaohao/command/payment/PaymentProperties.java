package org.yaohao.command.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * {@code yaohao.payment.*}: which gateway moves the money, and how its callbacks are authenticated.
 *
 * @param mode           {@code embedded} (default: {@link EmbeddedPaymentGateway}) or {@code http}
 *                       ({@link HttpPaymentGateway})
 * @param callbackSecret the secret shared with the gateway that signs its callbacks; the default
 *                       {@value #DEV_CALLBACK_SECRET} is for development only and refused in {@code http} mode
 * @param http           the real gateway, used in {@code http} mode
 */
@ConfigurationProperties("yaohao.payment")
record PaymentProperties(@DefaultValue("embedded") Mode mode,
                         @DefaultValue(DEV_CALLBACK_SECRET) String callbackSecret,
                         @DefaultValue Http http) {

    static final String MODE = "yaohao.payment.mode";
    /** Publicly known, so anyone could sign a callback with it: development and the embedded gateway only. */
    static final String DEV_CALLBACK_SECRET = "dev-only-callback-secret";

    enum Mode { EMBEDDED, HTTP }

    /**
     * @param baseUrl        the gateway, e.g. {@code https://pay.example/api}; required in {@code http} mode
     * @param callbackUrl    where the gateway reports, i.e. this system's {@code …/api/payments/callbacks} as the
     *                       gateway reaches it; required in {@code http} mode
     * @param connectTimeout how long to wait for a connection (default 2s)
     * @param requestTimeout how long to wait for an answer (default 10s)
     */
    record Http(URI baseUrl, URI callbackUrl,
                @DefaultValue("2s") Duration connectTimeout,
                @DefaultValue("10s") Duration requestTimeout) {
    }
}
