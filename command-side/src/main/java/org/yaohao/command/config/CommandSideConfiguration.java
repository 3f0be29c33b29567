package org.yaohao.command.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.yaohao.security.SecurityConfiguration;
import org.yaohao.command.familypoints.FamilyPointsCalculator;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.command.process.OutcomeDispatcher;
import org.yaohao.kernel.application.ApplicationPrequalifiedEventUpcaster;
import org.yaohao.kernel.common.MessageMetadata;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

@Configuration
@Import(SecurityConfiguration.class)
public class CommandSideConfiguration {

    /** All times of the rule book are Beijing times. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /**
     * The system clock in Beijing time, moved by {@code yaohao.clock.offset} (an ISO-8601 duration, default none) for
     * demonstrations and tests that need the calendar to move on, and further by the demonstration mode while it
     * runs. Events are stamped with the same clock.
     */
    @Bean
    AdjustableClock clock(@Value("${yaohao.clock.offset:PT0S}") Duration offset) {
        AdjustableClock clock = new AdjustableClock(Clock.system(BEIJING), offset);
        GenericEventMessage.clock = clock;
        return clock;
    }

    /**
     * The deadline scheduler (db-scheduler) tells the time by the same clock, so a deadline falls due when the
     * system's clock reaches it: with {@code yaohao.clock.offset} moved past a quota's expiry, the expiry fires.
     */
    @Bean
    com.github.kagkarlsson.scheduler.Clock dbSchedulerClock(Clock clock) {
        return clock::instant;
    }

    @Bean
    PolicyCatalog policyCatalog(@Value("${yaohao.policy.active:2023-guide}") String active,
                                @Value("${yaohao.policy.directory:}") String directory) {
        return PolicyCatalog.load(directory.isBlank() ? null : Path.of(directory), active);
    }

    /** Channel, district and acting user travel from a command to every event and command it causes. */
    @Bean
    CorrelationDataProvider channelAndActorCorrelation() {
        return new SimpleCorrelationDataProvider(MessageMetadata.CHANNEL, MessageMetadata.DISTRICT,
                MessageMetadata.ACTING_USER, MessageMetadata.ACTING_ROLE);
    }

    @Bean
    CorrelationDataProvider messageOriginCorrelation() {
        return new MessageOriginProvider();
    }

    /** The family points formulas of the policies, as a domain service (pure, no state). */
    @Bean
    FamilyPointsCalculator familyPointsCalculator() {
        return new FamilyPointsCalculator();
    }

    /** Sends the decisions of processes (e.g. pre-qualification) as commands. */
    @Bean
    OutcomeDispatcher outcomeDispatcher(CommandGateway commandGateway) {
        return new OutcomeDispatcher(commandGateway);
    }

    /**
     * A failing step of a process that is not a saga (the round results) is retried, never skipped: skipping would
     * silently lose a winner's quota or a refund.
     */
    @Bean
    ConfigurerModule retryFailingProcessSteps() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler("round-results", c -> PropagatingErrorHandler.instance()));
    }

    /** A duplicate (aggregate, sequence number) in the JDBC event store, recognised on H2 and PostgreSQL alike. */
    @Bean
    PersistenceExceptionResolver uniqueKeyViolation() {
        return new UniqueKeyViolation();
    }

    /** Saga tables as the database wants them: {@code bytea} on PostgreSQL (no OID large objects), blob on H2. */
    @Bean
    SagaSqlSchema sagaSqlSchema(@Value("${spring.datasource.url:}") String url) {
        return url.startsWith("jdbc:postgresql:") ? new PostgresSagaSqlSchema() : new GenericSagaSqlSchema();
    }

    /** Stored events of older revisions read as the current ones (the query side registers its own). */
    @Bean
    ApplicationPrequalifiedEventUpcaster commandSidePrequalifiedUpcaster() {
        return new ApplicationPrequalifiedEventUpcaster();
    }

    @Bean
    DomainErrorInterceptor domainErrorInterceptor() {
        return new DomainErrorInterceptor();
    }
}
