package org.yaohao.command.prequalification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * {@code yaohao.registry.*}: which registry adapter answers pre-qualification, and how.
 *
 * @param mode {@code file} (default: the embedded {@link FileRegistry}) or {@code http} ({@link HttpRegistryClient})
 * @param file filesystem path of the registry data file; empty = the shipped {@code registry/sample-registry.json}
 * @param http the HTTP gateway, used in {@code http} mode
 */
@ConfigurationProperties("yaohao.registry")
record RegistryProperties(@DefaultValue("file") Mode mode, String file, @DefaultValue Http http) {

    enum Mode { FILE, HTTP }

    /**
     * @param baseUrl        the gateway, e.g. {@code https://registry.example/api}; required in {@code http} mode
     * @param connectTimeout how long to wait for a connection (default 2s)
     * @param requestTimeout how long to wait for an answer (default 5s)
     * @param attempts       how many times to ask in all before giving up (default 3)
     * @param backoff        wait before the second attempt, doubled before each further one (default 200ms)
     */
    record Http(URI baseUrl,
                @DefaultValue("2s") Duration connectTimeout,
                @DefaultValue("5s") Duration requestTimeout,
                @DefaultValue("3") int attempts,
                @DefaultValue("200ms") Duration backoff) {
    }
}
