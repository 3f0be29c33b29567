package org.yaohao.command.payment;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Wires the payment side: the {@link PaymentPort} chosen by {@code yaohao.payment.mode} ({@code embedded}, the
 * default, or {@code http}) and the {@link CallbackSignature} that authenticates the gateway's callbacks. Public so
 * a boot class may {@code @Import} it if it does not scan this package.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
public class PaymentConfiguration {

    @Bean
    CallbackSignature callbackSignature(PaymentProperties properties) {
        if (properties.mode() == PaymentProperties.Mode.HTTP
                && PaymentProperties.DEV_CALLBACK_SECRET.equals(properties.callbackSecret())) {
            throw new IllegalStateException("yaohao.payment.callback-secret must be set to the secret shared with "
                    + "the gateway in http mode; the default is for development only");
        }
        return new CallbackSignature(properties.callbackSecret());
    }

    /** The embedded gateway and its ledger, in the application's DataSource. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = PaymentProperties.MODE, havingValue = "embedded", matchIfMissing = true)
    static class Embedded {

        @Bean
        PaymentLedger paymentLedger(DataSource dataSource) {
            return PaymentLedger.in(dataSource);
        }

        @Bean
        PaymentPort paymentPort(PaymentLedger ledger, PlatformTransactionManager transactionManager,
                                PaymentCallbacks callbacks, Clock clock) {
            return new EmbeddedPaymentGateway(ledger, transactionManager, callbacks, clock);
        }
    }

    /** A real gateway over HTTP (docs/payment-gateway-contract.md). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = PaymentProperties.MODE, havingValue = "http")
    static class Http {

        @Bean
        PaymentPort paymentPort(PaymentProperties properties) {
            PaymentProperties.Http http = properties.http();
            return new HttpPaymentGateway(http.baseUrl(), http.callbackUrl(), http.connectTimeout(),
                    http.requestTimeout());
        }
    }
}
