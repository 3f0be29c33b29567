package org.yaohao.command.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * {@code yaohao.notification.*}: {@code mode} {@code embedded} (the dev inbox) or {@code http} (the gateway at
 * {@code http.url}); how often the outbox is polled and how retries back off.
 */
@ConfigurationProperties("yaohao.notification")
record NotificationProperties(@DefaultValue("embedded") String mode,
                              @DefaultValue Http http,
                              @DefaultValue("PT1S") Duration pollInterval,
                              @DefaultValue("PT2S") Duration firstRetryAfter,
                              @DefaultValue("PT10M") Duration maxRetryAfter) {

    static final String MODE = "yaohao.notification.mode";

    record Http(URI url, @DefaultValue("PT5S") Duration connectTimeout, @DefaultValue("PT10S") Duration requestTimeout) {
    }
}
