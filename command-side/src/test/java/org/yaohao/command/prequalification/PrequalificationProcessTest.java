package org.yaohao.command.prequalification;

import org.yaohao.command.process.OutcomeDispatcher;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.ApplicationRejectedEvent;
import org.yaohao.kernel.application.ApplicationSentToManualReviewEvent;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.ApplicationWithdrawnEvent;
import org.yaohao.kernel.application.FailedCheck;
import org.yaohao.kernel.application.PrequalifyApplicationCommand;
import org.yaohao.kernel.application.Registry;
import org.yaohao.kernel.application.RejectApplicationCommand;
import org.yaohao.kernel.application.RejectionReason;
import org.yaohao.kernel.application.SendApplicationToManualReviewCommand;
import org.yaohao.kernel.common.Channel;
import org.yaohao.kernel.common.MessageMetadata;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.yaohao.command.prequalification.Applications.NOV_27_2026;
import static org.yaohao.command.prequalification.Applications.POLICY_2023;
import static org.yaohao.command.prequalification.Applications.enterprise;
import static org.yaohao.command.prequalification.Applications.family;
import static org.yaohao.command.prequalification.Applications.individual;
import static org.yaohao.command.prequalification.Applications.member;
import static org.yaohao.command.prequalification.InMemoryRegistry.creditCode;
import static org.yaohao.command.prequalification.InMemoryRegistry.id;
import static org.yaohao.command.prequalification.PrequalificationProcess.DEADLINE;
import static org.yaohao.command.prequalification.PrequalificationProcess.RETRY;
import static org.yaohao.kernel.application.Registry.CAR_OWNERSHIP;
import static org.yaohao.kernel.application.Registry.DRIVING_LICENCE;
import static org.yaohao.kernel.application.Registry.ENTERPRISE_TAX;
import static org.yaohao.kernel.application.Registry.RESIDENCE;
import static org.yaohao.kernel.application.Registry.SOCIAL_INSURANCE;
import static org.yaohao.kernel.application.Relation.SPOUSE;

class PrequalificationProcessTest {

    private static final ResidentIdNumber APPLICANT = id("11010119850312001");
    private static final ResidentIdNumber SPOUSE_ID = id("13010219880621002");
    private static final UnifiedSocialCreditCode COMPANY = creditCode("91110105MA01ABCD1");
    private static final Instant SUBMITTED_AT = NOV_27_2026;
    private static final Instant DUE = SUBMITTED_AT.plus(Duration.ofHours(24));
    private static final List<Registry> PERSON_REGISTRIES = List.of(DRIVING_LICENCE, RESIDENCE, CAR_OWNERSHIP);

    private final InMemoryRegistry records = new InMemoryRegistry();
    private final SwitchableRegistry registry = new SwitchableRegistry(records);
    private SagaTestFixture<PrequalificationProcess> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PrequalificationProcess.class);
        fixture.registerResource(new PrequalificationChecks(registry));
        fixture.registerResource(new PolicyCatalog(Map.of(POLICY_2023.version(), POLICY_2023), POLICY_2023.version()));
        fixture.registerResource(new OutcomeDispatcher(
                DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build()));
        // as in the application: channel, district and acting user travel from an event to the commands it causes
        fixture.registerEventHandlerInterceptor(new CorrelationDataInterceptor<>(List.of(
                new SimpleCorrelationDataProvider(MessageMetadata.CHANNEL, MessageMetadata.DISTRICT,
                        MessageMetadata.ACTING_USER),
                new MessageOriginProvider())));
        // the process reads the time from Axon's message clock, as the application sets it: here the fixture's time,
        // whatever day the tests run on
        GenericEventMessage.clock = new FixtureClock(fixture);
    }

    @AfterEach
    void restoreMessageClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    /** The fixture's current time, which {@code givenCurrentTime} and {@code whenTimeElapses} move. */
    private static final class FixtureClock extends Clock {
        private final SagaTestFixture<?> fixture;

        FixtureClock(SagaTestFixture<?> fixture) {
            this.fixture = fixture;
        }

        @Override
        public Instant instant() {
            return fixture.currentTime();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    // ------------------------------------------------------------------ decided at once

    @Test
    void prequalifiesWhenEveryRegistryAnswersAndEveryCheckPasses() {
        ApplicationSubmittedEvent submitted = individual(APPLICANT, SUBMITTED_AT);
        records.hukouHolder(APPLICANT);

        fixture.givenCurrentTime(SUBMITTED_AT)
               .whenPublishingA(submitted)
               .expectSuccessfulHandlerExecution()
               .expectActiveSagas(1)
               .expectAssociationWith("code", submitted.code())
               .expectDispatchedCommands(new PrequalifyApplicationCommand(submitted.code(), PERSON_REGISTRIES, List.of(0)))
               .expectScheduledDeadlineWithName(DUE, DEADLINE)
               .expectNoScheduledDeadlineWithName(SUBMITTED_AT.plus(POLICY_2023.registryRetryInterval()), RETRY);
    }

    @Test
    void schedulesTheDeadlineFromSubmissionNotFromWhenTheEventIsHandled() {
        ApplicationSubmittedEvent submitted = individual(APPLICANT, SUBMITTED_AT);
        records.hukouHolder(APPLICANT);

        fixture.givenCurrentTime(SUBMITTED_AT.plus(Duration.ofHours(3)))
               .whenPublishingA(submitted)
               .expectScheduledDeadlineWithName(DUE, DEADLINE)
               .expectNoScheduledDeadlineWithName(SUBMITTED_AT.plus(Duration.ofHours(27)), DEADLINE);
    }

    @Test
    void prequalifiesAnEnterpriseOnItsTaxAlone() {
        ApplicationSubmittedEvent submitted = enterprise(COMPANY, SUBMITTED_AT);
        records.enterpriseTax(COMPANY, Map.of(2025, 800_000L));

        fixture.givenCurrentTime(SUBMITTED_AT)
               .whenPublishingA(submitted)
               .expectDispatchedCommands(new PrequalifyApplicationCommand(submitted.code(), List.of(ENTERPRISE_TAX)));
    }

    @Test
    void rejectsNamingEveryFailedCheck() {
        ApplicationSubmittedEvent submitted = family(APPLICANT, List.of(member(SPOUSE_ID, SPOUSE)), 1, SUBMITTED_AT);
        records.hukouHolder(APPLICANT).cars(APPLICANT, 1)
               .hukouHolder(SPOUSE_ID).cars(SPOUSE_ID, 2);
        records.noLicence(APPLICANT);

        fixture.givenCurrentTime(SUBMITTED_AT)
               .whenPublishingA(submitted)
               .expectSuccessfulHandlerExecution()
               .expectActiveSagas(1)
               .expectScheduledDeadlineWithName(DUE, DEADLINE);

        List<CommandMessage<?>> dispatched = fixture.getCommandBus().getDispatchedCommands();
        assertThat(dispatched).singleElement().extracting(CommandMessage::getPayload)
                .isInstanceOfSatisfying(RejectApplicationCommand.class, reject -> {
                    assertThat(reject.code()).isEqualTo(submitted.code());
                    assertThat(reject.failedChecks())
                            .extracting(FailedCheck::registry, FailedCheck::subject, FailedCheck::reason)
                            .containsExactly(
                                    tuple(DRIVING_LICENCE, "applicant " + APPLICANT.masked(),
                                            RejectionReason.NOT_IN_REGISTRY),
                                    tuple(CAR_OWNERSHIP, "applicant " + APPLICANT.masked(),
                                            RejectionReason.CAR_ALREADY_OWNED),
                                    tuple(CAR_OWNERSHIP, "member 1 (SPOUSE) " + SPOUSE_ID.masked(),
                                            RejectionReason.CAR_ALREADY_OWNED));
                });
    }

    @Test
    void sendsOutcomesAsTheSystemKeepingTheCorrelationButNotTheApplicantsDistrict() {
        ApplicationSubmittedEvent submitted = individual(APPLICANT, SUBMITTED_AT);
        records.hukouHolder(APPLICANT);

        fixture.givenCurrentTime(SUBMITTED_AT)
               .whenPublishingA(submitted, Map.of(MessageMetadata.CHANNEL, Channel.COUNTER.name(),
                       MessageMetadata.DISTRICT, "HAIDIAN", MessageMetadata.ACTING_USER, "clerk-07"))
               .expectDispatchedCommands(new PrequalifyApplicationCommand(submitted.code(), PERSON_REGISTRIES, List.of(0)));

        CommandMessage<?> command = fixture.getCommandBus().getDispatchedCommands().get(0);
        assertThat(command.getMetaData())
                .containsEntry(MessageMetadata.CHANNEL, Channel.SYSTEM.name())
                .containsEntry(MessageMetadata.ACTING_USER, "system:prequalification")
                .doesNotContainKey(MessageMetadata.DISTRICT)
                .containsKey("correlationId")
                .containsKey("traceId");
    }

    // ------------------------------------------------------------------ registries that do not answer

    @Test
    void waitsAndRetriesWhileARegistryIsDown() {
        ApplicationSubmittedEvent submitted = individual(APPLICANT, SUBMITTED_AT);
        records.hukouHolder(APPLICANT);
        registry.down(DRIVING_LICENCE);

        fixture.givenCurrentTime(SUBMITTED_AT)
               .whenPublishingA(submitted)
               .expectSuccessfulHandlerExecution()
               .expectNoDispatchedCommands()
               .expectActiveSagas(1)
               .expectScheduledDeadlineWithName(DUE, DEADLINE)
               .expectScheduledDeadlineWithName(POLICY_2023.registryRetryInterval(), RETRY);
    }

    @Test
    void doesNotRejectOnAFailedCheckWhileAnotherRegistryIsDown() {
        ApplicationSubmittedEvent submitted = individual(APPLICANT, SUBMITTED_AT);
        records.hukouHolder(APPLICANT).cars(APPLICANT, 1);
        registry.down(DRIVING_LICENCE);

        fixture.givenCurrentTime(SUBMITTED_AT)
               .whenPublishingA(submitted)
               .expectNoDispatchedCommands()
               .expectScheduledDeadlineWithName(POLICY_2023.registryRetryInterval(), RETRY);
    }

    @Test
    void decidesAtTheRetryOnceTheRegistryIsBack() throws Exception {
        ApplicationSubmittedEvent submitted = individual(APPLICANT, SUBMITTED_AT);
        records.hukouHolder(APPLICANT);
        registry.down(DRIVING_LICENCE);
        fixture.givenCurrentTime(SUBMITTED_AT).andThenAPublished(submitted);

        registry.up(DRIVING_LICENCE);

        fixture.whenTimeElapses(Duration.ofHours(1))
               .expectTriggeredDeadlinesWithName(RETRY)
               .expectDispatchedCommands(new PrequalifyApplicationCommand(submitted.code(), PERSON_REGISTRIES, List.of(0)))
               .expectScheduledDeadlineWithName(DUE, DEADLINE)
               .expectActiveSagas(1);
    }

    @Test
    void keepsRetryingEveryIntervalUntilTheRegistryAnswers() throws Exception {
        ApplicationSubmittedEvent submitted = individual(APPLICANT, SUBMITTED_AT);
        records.hukouHolder(APPLICANT);
        registry.down(RESIDENCE);
        fixture.givenCurrentTime(SUBMITTED_AT).andThenAPublished(submitted).andThenTimeElapses(Duration.ofHours(5));

        registry.up(RESIDENCE);

        fixture.whenTimeElapses(Duration.ofHours(1))
               .expectDispatchedCommands(new PrequalifyApplicationCommand(submitted.code(), PERSON_REGISTRIES, List.of(0)));
        assertThat(registry.residenceQuestions).as("at submission and at each of 6 hourly retries").isEqualTo(7);
    }

    @Test
    void sendsToManualReviewNamingTheRegistryThatDidNotAnswerWithin24Hours() throws Exception {
        ApplicationSubmittedEvent submitted = individual(APPLICANT, SUBMITTED_AT);
        records.hukouHolder(APPLICANT);
        registry.down(RESIDENCE);
        fixture.givenCurrentTime(SUBMITTED_AT).andThenAPublished(submitted);

        fixture.whenTimeElapses(Duration.ofHours(24))
               .expectDispatchedCommands(new SendApplicationToManualReviewCommand(submitted.code(), List.of(RESIDENCE)))
               .expectActiveSagas(1);

        List<CommandMessage<?>> dispatched = fixture.getCommandBus().getDispatchedCommands();
        assertThat(dispatched.get(0).getMetaData())
                .containsEntry(MessageMetadata.CHANNEL, Channel.SYSTEM.name())
                .containsEntry(MessageMetadata.ACTING_USER, "system:prequalification");
    }

    @Test
    void sendsNothingBeforeThe24HoursHavePassed() throws Exception {
        ApplicationSubmittedEvent submitted = individual(APPLICANT, SUBMITTED_AT);
        records.hukouHolder(APPLICANT);
        registry.down(RESIDENCE);
        fixture.givenCurrentTime(SUBMITTED_AT).andThenAPublished(submitted);

        fixture.whenTimeElapses(Duration.ofHours(23).plusMinutes(59))
               .expectNoDispatchedCommands()
               .expectScheduledDeadlineWithName(DUE, DEADLINE);
    }

    @Test
    void namesEveryRegistryThatDidNotAnswer() throws Exception {
        ApplicationSubmittedEvent submitted = individual(APPLICANT, SUBMITTED_AT);
        records.hukouHolder(APPLICANT);
        registry.down(DRIVING_LICENCE).down(CAR_OWNERSHIP);
        fixture.givenCurrentTime(SUBMITTED_AT).andThenAPublished(submitted);

        fixture.whenTimeElapses(Duration.ofHours(24))
               .expectDispatchedCommands(new SendApplicationToManualReviewCommand(submitted.code(),
                       List.of(DRIVING_LICENCE, CAR_OWNERSHIP)));
    }

    // ------------------------------------------------------------------ the end of the process

    @Test
    void endsWhenPrequalifiedAndCancelsItsDeadlines() {
        ApplicationSubmittedEvent submitted = individual(APPLICANT, SUBMITTED_AT);
        records.hukouHolder(APPLICANT);

        fixture.givenCurrentTime(SUBMITTED_AT)
               .andThenAPublished(submitted)
               .whenPublishingA(new ApplicationPrequalifiedEvent(submitted.code(), PERSON_REGISTRIES, SUBMITTED_AT,
                       POLICY_2023.version()))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines()
               .expectNoDispatchedCommands();
    }

    @Test
    void endsWhenRejectedAndCancelsItsDeadlines() {
        ApplicationSubmittedEvent submitted = individual(APPLICANT, SUBMITTED_AT);
        records.hukouHolder(APPLICANT).cars(APPLICANT, 1);

        fixture.givenCurrentTime(SUBMITTED_AT)
               .andThenAPublished(submitted)
               .whenPublishingA(new ApplicationRejectedEvent(submitted.code(), List.of(), SUBMITTED_AT,
                       POLICY_2023.version()))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines();
    }

    @Test
    void endsWhenSentToManualReviewAndCancelsItsDeadlines() throws Exception {
        ApplicationSubmittedEvent submitted = individual(APPLICANT, SUBMITTED_AT);
        records.hukouHolder(APPLICANT);
        registry.down(RESIDENCE);

        fixture.givenCurrentTime(SUBMITTED_AT)
               .andThenAPublished(submitted)
               .andThenTimeElapses(Duration.ofHours(24))
               .whenPublishingA(new ApplicationSentToManualReviewEvent(submitted.code(), List.of(RESIDENCE), DUE,
                       POLICY_2023.version()))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines();
    }

    @Test
    void endsWhenWithdrawnWhileWaitingForARegistry() {
        ApplicationSubmittedEvent submitted = individual(APPLICANT, SUBMITTED_AT);
        records.hukouHolder(APPLICANT);
        registry.down(SOCIAL_INSURANCE).down(DRIVING_LICENCE);

        fixture.givenCurrentTime(SUBMITTED_AT)
               .andThenAPublished(submitted)
               .whenPublishingA(new ApplicationWithdrawnEvent(submitted.code(), "no longer needed", SUBMITTED_AT,
                       POLICY_2023.version()))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines()
               .expectNoDispatchedCommands();
    }

    @Test
    void sendsNothingAfterItEnded() throws Exception {
        ApplicationSubmittedEvent submitted = individual(APPLICANT, SUBMITTED_AT);
        records.hukouHolder(APPLICANT);
        registry.down(RESIDENCE);
        fixture.givenCurrentTime(SUBMITTED_AT)
               .andThenAPublished(submitted)
               .andThenAPublished(new ApplicationWithdrawnEvent(submitted.code(), null, SUBMITTED_AT,
                       POLICY_2023.version()));

        fixture.whenTimeElapses(Duration.ofHours(48))
               .expectNoDispatchedCommands()
               .expectActiveSagas(0);
    }

    @Test
    void ignoresOutcomesOfOtherApplications() {
        ApplicationSubmittedEvent submitted = individual(APPLICANT, SUBMITTED_AT);
        ApplicationSubmittedEvent other = individual(SPOUSE_ID, SUBMITTED_AT);
        records.hukouHolder(APPLICANT);
        registry.down(RESIDENCE);

        fixture.givenCurrentTime(SUBMITTED_AT)
               .andThenAPublished(submitted)
               .whenPublishingA(new ApplicationPrequalifiedEvent(other.code(), PERSON_REGISTRIES, SUBMITTED_AT,
                       POLICY_2023.version()))
               .expectActiveSagas(1)
               .expectScheduledDeadlineWithName(DUE, DEADLINE);
    }

    /**
     * The records of an {@link InMemoryRegistry}, with registries that can be taken down and brought back up, and a
     * count of the residence questions asked.
     */
    static final class SwitchableRegistry implements RegistryPort {

        private final RegistryPort records;
        private final Set<Registry> down = EnumSet.noneOf(Registry.class);
        int residenceQuestions;

        SwitchableRegistry(RegistryPort records) {
            this.records = records;
        }

        SwitchableRegistry down(Registry registry) {
            down.add(registry);
            return this;
        }

        SwitchableRegistry up(Registry registry) {
            down.remove(registry);
            return this;
        }

        private void ask(Registry registry) {
            if (down.contains(registry)) {
                throw new RegistryUnavailableException(registry, registry + " is down");
            }
        }

        @Override
        public Optional<SocialInsuranceRecord> socialInsurance(ResidentIdNumber id) {
            ask(SOCIAL_INSURANCE);
            return records.socialInsurance(id);
        }

        @Override
        public Optional<IncomeTaxRecord> incomeTax(ResidentIdNumber id) {
            ask(Registry.INCOME_TAX);
            return records.incomeTax(id);
        }

        @Override
        public Optional<DrivingLicenceRecord> drivingLicence(ResidentIdNumber id) {
            ask(DRIVING_LICENCE);
            return records.drivingLicence(id);
        }

        @Override
        public Optional<ResidenceRecord> residence(ResidentIdNumber id) {
            residenceQuestions++;
            ask(RESIDENCE);
            return records.residence(id);
        }

        @Override
        public Optional<CarOwnershipRecord> carOwnership(ResidentIdNumber id) {
            ask(CAR_OWNERSHIP);
            return records.carOwnership(id);
        }

        @Override
        public Optional<EnterpriseTaxRecord> enterpriseTax(UnifiedSocialCreditCode code) {
            ask(ENTERPRISE_TAX);
            return records.enterpriseTax(code);
        }
    }
}
