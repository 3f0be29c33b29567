package org.yaohao.command.prequalification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires pre-qualification's registry side: the {@link RegistryPort} chosen by {@code yaohao.registry.mode}
 * ({@code file}, the default, or {@code http}) and the {@link PrequalificationChecks} that use it.
 * Public so the boot class may {@code @Import} it if it does not scan this package.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
public class RegistryConfiguration {

    @Bean
    RegistryPort registryPort(RegistryProperties properties) {
        return switch (properties.mode()) {
            case FILE -> FileRegistry.load(properties.file());
            case HTTP -> {
                RegistryProperties.Http http = properties.http();
                yield new HttpRegistryClient(http.baseUrl(), http.connectTimeout(), http.requestTimeout(),
                        http.attempts(), http.backoff());
            }
        };
    }

    @Bean
    PrequalificationChecks prequalificationChecks(RegistryPort registryPort) {
        return new PrequalificationChecks(registryPort);
    }
}
