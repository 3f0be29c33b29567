package org.yaohao.command.notification;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Notifications: the outbox in the application's database, written by a subscribing processor in the causing
 * event's unit of work (a failure fails the command instead of losing the notification), delivered by the
 * {@link NotificationDispatcher} through the adapter of {@code yaohao.notification.mode}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationConfiguration {

    @Bean
    NotificationOutbox notificationOutbox(DataSource dataSource) {
        return NotificationOutbox.in(dataSource);
    }

    @Bean
    ConfigurerModule notificationOutboxInTheCausingUnitOfWork() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(NotificationOutboxWriter.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(NotificationOutboxWriter.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance()));
    }

    @Bean
    NotificationDispatcher notificationDispatcher(NotificationOutbox outbox, NotificationPort port, Clock clock,
                                                  NotificationProperties properties) {
        return new NotificationDispatcher(outbox, port, clock, properties.pollInterval(),
                properties.firstRetryAfter(), properties.maxRetryAfter());
    }

    /** The dev inbox, readable at {@code GET /api/dev/inbox/{phone}}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = NotificationProperties.MODE, havingValue = "embedded", matchIfMissing = true)
    static class Embedded {

        @Bean
        DevInbox devInbox(DataSource dataSource, NotificationOutbox schemaFirst, Clock clock) {
            return new DevInbox(dataSource, clock);
        }
    }

    /** The SMS and push gateway over HTTP. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = NotificationProperties.MODE, havingValue = "http")
    static class Http {

        @Bean
        NotificationPort notificationPort(NotificationProperties properties) {
            NotificationProperties.Http http = properties.http();
            if (http.url() == null) {
                throw new IllegalStateException("yaohao.notification.http.url must be set in http mode");
            }
            return new HttpNotificationGateway(http.url(), http.connectTimeout(), http.requestTimeout());
        }
    }
}
