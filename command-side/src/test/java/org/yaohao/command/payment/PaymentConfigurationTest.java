package org.yaohao.command.payment;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code yaohao.payment.mode} picks the adapter; a real gateway is never trusted with the development secret. */
class PaymentConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class))
            .withUserConfiguration(PaymentConfiguration.class, PaymentCallbacks.class, PaymentLedgerController.class)
            .withBean(RecordingCommandGateway.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:payment-config;DB_CLOSE_DELAY=-1");

    @Test
    void usesTheEmbeddedGatewayByDefault() {
        context.run(c -> {
            assertThat(c).hasSingleBean(PaymentPort.class);
            assertThat(c.getBean(PaymentPort.class)).isInstanceOf(EmbeddedPaymentGateway.class);
            assertThat(c).hasSingleBean(PaymentLedgerController.class);
        });
    }

    @Test
    void usesTheHttpGatewayWithItsSecret() {
        context.withPropertyValues("yaohao.payment.mode=http", "yaohao.payment.callback-secret=shared",
                        "yaohao.payment.http.base-url=https://pay.example/api",
                        "yaohao.payment.http.callback-url=https://yaohao.example/api/payments/callbacks")
                .run(c -> {
                    assertThat(c.getBean(PaymentPort.class)).isInstanceOf(HttpPaymentGateway.class);
                    assertThat(c).doesNotHaveBean(PaymentLedger.class).doesNotHaveBean(PaymentLedgerController.class);
                });
    }

    @Test
    void refusesTheDevelopmentSecretInHttpMode() {
        context.withPropertyValues("yaohao.payment.mode=http", "yaohao.payment.http.base-url=https://pay.example/api",
                        "yaohao.payment.http.callback-url=https://yaohao.example/api/payments/callbacks")
                .run(c -> assertThat(c).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("yaohao.payment.callback-secret"));
    }

    @Test
    void refusesAnUnknownMode() {
        context.withPropertyValues("yaohao.payment.mode=cash")
                .run(c -> assertThat(c).hasFailed());
    }
}
