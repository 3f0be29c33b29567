package org.yaohao.command.prequalification;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(RegistryConfiguration.class);

    @Test
    void answersFromTheShippedSampleByDefault() {
        context.run(it -> {
            assertThat(it).hasSingleBean(PrequalificationChecks.class);
            assertThat(it.getBean(RegistryPort.class)).isInstanceOf(FileRegistry.class);
        });
    }

    @Test
    void asksTheHttpGatewayInHttpMode() {
        context.withPropertyValues("yaohao.registry.mode=http",
                        "yaohao.registry.http.base-url=http://127.0.0.1:9/api",
                        "yaohao.registry.http.request-timeout=1s", "yaohao.registry.http.attempts=2")
                .run(it -> {
                    assertThat(it).hasNotFailed();
                    assertThat(it.getBean(RegistryPort.class)).isInstanceOf(HttpRegistryClient.class);
                    assertThat(it.getBean(RegistryProperties.class).http().backoff()).hasMillis(200);
                });
    }

    @Test
    void refusesToStartInHttpModeWithoutABaseUrl() {
        context.withPropertyValues("yaohao.registry.mode=http").run(it -> assertThat(it).hasFailed());
    }

    @Test
    void refusesToStartWithAMissingRegistryFile() {
        context.withPropertyValues("yaohao.registry.file=/nonexistent/registry.json")
                .run(it -> assertThat(it).hasFailed());
    }

    @Test
    void refusesAnUnknownMode() {
        context.withPropertyValues("yaohao.registry.mode=htp").run(it -> assertThat(it).hasFailed());
    }
}
