package org.yaohao.command.application;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.kernel.application.ApplicantClaimedEvent;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.ApplicantReleasedEvent;
import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.ApplicationRejectedEvent;
import org.yaohao.kernel.application.ApplicationSentToManualReviewEvent;
import org.yaohao.kernel.application.ApplicantSignedInEvent;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.RecordApplicantSignInCommand;
import org.yaohao.kernel.application.ApplicationWithdrawnEvent;
import org.yaohao.kernel.application.ChangeQuotaTypeCommand;
import org.yaohao.kernel.application.DocumentReference;
import org.yaohao.kernel.application.Enterprise;
import org.yaohao.kernel.application.FailedCheck;
import org.yaohao.kernel.application.FamilyMember;
import org.yaohao.kernel.application.Person;
import org.yaohao.kernel.application.PrequalifyApplicationCommand;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.QuotaTypeChangedEvent;
import org.yaohao.kernel.application.Registry;
import org.yaohao.kernel.application.RejectApplicationCommand;
import org.yaohao.kernel.application.RejectionReason;
import org.yaohao.kernel.application.Relation;
import org.yaohao.kernel.application.SendApplicationToManualReviewCommand;
import org.yaohao.kernel.application.SubmitApplicationCommand;
import org.yaohao.kernel.application.WithdrawApplicationCommand;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;
import org.yaohao.kernel.policy.Policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yaohao.command.application.DomainExceptionMatcher.refusedWith;

class ApplicationTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** 1 March 2023, 10:00 in Beijing. */
    static final Instant NOW = ZonedDateTime.of(2023, 3, 1, 10, 0, 0, 0, BEIJING).toInstant();
    static final Policy POLICY = new Policy("2023-guide", 60, 5, 500_000, 5, Duration.ofHours(24), Duration.ofHours(1),
            2_000, 1_000, 3, 7, java.util.List.of(), null, null, 12, java.util.Map.of());

    static final ResidentIdNumber MAIN_ID = id("11010119850312001");
    static final ResidentIdNumber SPOUSE_ID = id("13010219880621002");
    static final ResidentIdNumber CHILD_ID = id("11010120100101003");
    static final ResidentIdNumber PARENT_ID = id("11010119550505004");
    static final ResidentIdNumber PARENT_IN_LAW_ID = id("13010219560606005");
    static final UnifiedSocialCreditCode COMPANY = UnifiedSocialCreditCode.of("91110105MA01ABCD13");

    static final ApplicationCode CODE = ApplicationCode.of("123456789012" + ApplicationCode.checkDigit("123456789012"));
    static final ApplicationCode OTHER_CODE = ApplicationCode.of("987654321098" + ApplicationCode.checkDigit("987654321098"));

    static final List<DocumentReference> DOCUMENTS = List.of(new DocumentReference("ID_CARD", "sha256:ab12"),
            new DocumentReference("DRIVING_LICENCE", "110101000001"));

    private final Clock clock = Clock.fixed(NOW, BEIJING);
    private final PolicyCatalog policies = new PolicyCatalog(Map.of("2023-guide", POLICY), "2023-guide");

    private InMemoryEventStorageEngine claimEvents;
    private EmbeddedEventStore claimStore;
    private EmbeddedEventStore otherApplicationsStore;
    private CommandGateway otherApplications;
    private AggregateTestFixture<Application> fixture;

    @BeforeEach
    void setUp() {
        claimEvents = new InMemoryEventStorageEngine();
        claimStore = EmbeddedEventStore.builder().storageEngine(claimEvents).build();
        EventSourcingRepository<ApplicantClaim> claims =
                EventSourcingRepository.builder(ApplicantClaim.class).eventStore(claimStore).build();

        fixture = new AggregateTestFixture<>(Application.class);
        fixture.registerInjectableResource(clock);
        fixture.registerAnnotatedCommandHandler(
                new ApplicationLifecycleHandler(fixture.getRepository(), claims, policies, clock));

        // applications other than the fixture's one, sharing the claims: the fixture holds a single aggregate
        otherApplicationsStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        EventSourcingRepository<Application> others = EventSourcingRepository.builder(Application.class)
                .eventStore(otherApplicationsStore)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                        new SimpleResourceParameterResolverFactory(Set.of(clock)),
                        ClasspathParameterResolverFactory.forClass(Application.class)))
                .build();
        SimpleCommandBus otherBus = SimpleCommandBus.builder().build();
        new AnnotationCommandHandlerAdapter<>(new ApplicationLifecycleHandler(others, claims, policies, clock))
                .subscribe(otherBus);
        otherApplications = DefaultCommandGateway.builder().commandBus(otherBus).build();
    }

    @AfterEach
    void tearDown() {
        claimStore.shutDown();
        otherApplicationsStore.shutDown();
    }

    // ------------------------------------------------------------------ submission

    @Test
    void submitsIndividualApplicationUnderTheActivePolicyAtTheClocksTime() {
        fixture.givenNoPriorActivity()
               .when(individual(CODE, MAIN_ID))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(CODE)
               .expectEvents(new ApplicationSubmittedEvent(CODE, ApplicantKind.INDIVIDUAL, QuotaType.ORDINARY,
                       person(MAIN_ID), List.of(), 0, null, DOCUMENTS, NOW, "2023-guide"));

        assertThat(claimPayloads()).containsExactly(
                new ApplicantClaimedEvent(claimIdOf(MAIN_ID), CODE, "2023-guide"));
    }

    @Test
    void claimIdentifiesThePersonByDigestNeverByTheRawNumber() {
        fixture.givenNoPriorActivity().when(individual(CODE, MAIN_ID)).expectSuccessfulHandlerExecution();

        ApplicantClaimedEvent claimed = (ApplicantClaimedEvent) claimPayloads().get(0);
        assertThat(claimed.claimId()).startsWith("P-").doesNotContain(MAIN_ID.value())
                .doesNotContain(MAIN_ID.value().substring(0, 14));
    }

    @Test
    void submitsFamilyWithSpouseChildAndParentAsThreeGenerations() {
        List<FamilyMember> members = List.of(member(SPOUSE_ID, Relation.SPOUSE), member(CHILD_ID, Relation.CHILD),
                member(PARENT_ID, Relation.PARENT));

        fixture.givenNoPriorActivity()
               .when(family(CODE, MAIN_ID, members, null))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ApplicationSubmittedEvent(CODE, ApplicantKind.FAMILY, QuotaType.NEW_ENERGY,
                       person(MAIN_ID), members, 3, null, DOCUMENTS, NOW, "2023-guide"));

        assertThat(claimPayloads()).hasSize(4).allSatisfy(event ->
                assertThat(event).isInstanceOfSatisfying(ApplicantClaimedEvent.class,
                        claimed -> assertThat(claimed.code()).isEqualTo(CODE)));
    }

    @Test
    void acceptsFamilyWhoseStatedGenerationsMatchItsMembers() {
        List<FamilyMember> members = List.of(member(SPOUSE_ID, Relation.SPOUSE), member(CHILD_ID, Relation.CHILD));

        fixture.givenNoPriorActivity()
               .when(family(CODE, MAIN_ID, members, 2))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ApplicationSubmittedEvent(CODE, ApplicantKind.FAMILY, QuotaType.NEW_ENERGY,
                       person(MAIN_ID), members, 2, null, DOCUMENTS, NOW, "2023-guide"));
    }

    @Test
    void countsACoupleAloneAsOneGeneration() {
        List<FamilyMember> members = List.of(member(SPOUSE_ID, Relation.SPOUSE));

        fixture.givenNoPriorActivity()
               .when(family(CODE, MAIN_ID, members, null))
               .expectEvents(new ApplicationSubmittedEvent(CODE, ApplicantKind.FAMILY, QuotaType.NEW_ENERGY,
                       person(MAIN_ID), members, 1, null, DOCUMENTS, NOW, "2023-guide"));
    }

    @Test
    void refusesFamilyWhoseStatedGenerationsDoNotMatchItsMembers() {
        List<FamilyMember> members = List.of(member(SPOUSE_ID, Relation.SPOUSE), member(CHILD_ID, Relation.CHILD),
                member(PARENT_IN_LAW_ID, Relation.PARENT_IN_LAW));

        fixture.givenNoPriorActivity()
               .when(family(CODE, MAIN_ID, members, 2))
               .expectNoEvents()
               .expectException(DomainException.class)
               .expectException(refusedWith(ErrorCode.FAMILY_GENERATIONS_MISMATCH, "generations",
                       Map.of("derivedGenerations", "3")));

        assertThat(claimPayloads()).isEmpty();
    }

    @Test
    void refusesFamilyWithoutMembers() {
        fixture.givenNoPriorActivity()
               .when(family(CODE, MAIN_ID, List.of(), null))
               .expectNoEvents()
               .expectException(DomainException.class)
               .expectException(refusedWith(ErrorCode.FAMILY_TOO_SMALL, "members"));
    }

    @Test
    void refusesMemberListedTwice() {
        fixture.givenNoPriorActivity()
               .when(family(CODE, MAIN_ID, List.of(member(CHILD_ID, Relation.CHILD), member(CHILD_ID, Relation.CHILD)),
                       null))
               .expectNoEvents()
               .expectException(DomainException.class)
               .expectException(refusedWith(ErrorCode.FAMILY_MEMBER_DUPLICATE, "members[1].idNumber"));

        assertThat(claimPayloads()).isEmpty();
    }

    @Test
    void refusesMainApplicantListedAgainAsMember() {
        fixture.givenNoPriorActivity()
               .when(family(CODE, MAIN_ID, List.of(member(MAIN_ID, Relation.SPOUSE)), null))
               .expectNoEvents()
               .expectException(DomainException.class)
               .expectException(refusedWith(ErrorCode.FAMILY_MEMBER_DUPLICATE, "members[0].idNumber"));
    }

    @Test
    void refusesTwoSpouses() {
        fixture.givenNoPriorActivity()
               .when(family(CODE, MAIN_ID, List.of(member(SPOUSE_ID, Relation.SPOUSE),
                       member(PARENT_IN_LAW_ID, Relation.SPOUSE)), null))
               .expectNoEvents()
               .expectException(DomainException.class)
               .expectException(refusedWith(ErrorCode.FAMILY_TWO_SPOUSES, "members[1].relation"));
    }

    @Test
    void submitsEnterprisePayingExactlyTheMinimumTax() {
        Enterprise enterprise = new Enterprise(COMPANY, "Test Trading Co.", 500_000, 3);

        fixture.givenNoPriorActivity()
               .when(enterprise(CODE, enterprise))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ApplicationSubmittedEvent(CODE, ApplicantKind.ENTERPRISE, QuotaType.ORDINARY, null,
                       List.of(), 0, enterprise, DOCUMENTS, NOW, "2023-guide"));

        assertThat(claimPayloads()).singleElement().isInstanceOfSatisfying(ApplicantClaimedEvent.class,
                claimed -> assertThat(claimed.claimId()).startsWith("E-"));
    }

    @Test
    void refusesEnterprisePayingLessThanTheMinimumTax() {
        fixture.givenNoPriorActivity()
               .when(enterprise(CODE, new Enterprise(COMPANY, "Test Trading Co.", 499_999, 1)))
               .expectNoEvents()
               .expectException(DomainException.class)
               .expectException(refusedWith(ErrorCode.ENTERPRISE_TAX_BELOW_MINIMUM, "enterprise.taxPaidLastYearYuan",
                       Map.of("minimumYuan", "500000")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1})
    void refusesEnterpriseRequestingQuotasOutsideOneToFive(int quotas) {
        fixture.givenNoPriorActivity()
               .when(enterprise(CODE, new Enterprise(COMPANY, "Test Trading Co.", 800_000, quotas)))
               .expectNoEvents()
               .expectException(DomainException.class)
               .expectException(refusedWith(ErrorCode.ENTERPRISE_QUOTAS_OUT_OF_RANGE, "enterprise.requestedQuotas",
                       Map.of("maximum", "5")));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void acceptsEnterpriseRequestingOneToFiveQuotas(int quotas) {
        fixture.givenNoPriorActivity()
               .when(enterprise(CODE, new Enterprise(COMPANY, "Test Trading Co.", 800_000, quotas)))
               .expectSuccessfulHandlerExecution()
               .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                       org.axonframework.test.matchers.Matchers.messageWithPayload(
                               org.hamcrest.Matchers.instanceOf(ApplicationSubmittedEvent.class)),
                       org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void refusesMembersOnAnIndividualApplication() {
        SubmitApplicationCommand command = new SubmitApplicationCommand(CODE, ApplicantKind.INDIVIDUAL,
                QuotaType.ORDINARY, person(MAIN_ID), List.of(member(SPOUSE_ID, Relation.SPOUSE)), null, null,
                DOCUMENTS);

        fixture.givenNoPriorActivity()
               .when(command)
               .expectNoEvents()
               .expectException(DomainException.class)
               .expectException(refusedWith(ErrorCode.FIELD_NOT_ALLOWED_FOR_KIND, "members"));
    }

    @Test
    void refusesGenerationsOnAnIndividualApplication() {
        SubmitApplicationCommand command = new SubmitApplicationCommand(CODE, ApplicantKind.INDIVIDUAL,
                QuotaType.ORDINARY, person(MAIN_ID), List.of(), 1, null, DOCUMENTS);

        fixture.givenNoPriorActivity()
               .when(command)
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.FIELD_NOT_ALLOWED_FOR_KIND, "generations"));
    }

    @Test
    void refusesAPersonOnAnEnterpriseApplication() {
        SubmitApplicationCommand command = new SubmitApplicationCommand(CODE, ApplicantKind.ENTERPRISE,
                QuotaType.ORDINARY, person(MAIN_ID), List.of(), null,
                new Enterprise(COMPANY, "Test Trading Co.", 800_000, 1), DOCUMENTS);

        fixture.givenNoPriorActivity()
               .when(command)
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.FIELD_NOT_ALLOWED_FOR_KIND, "applicant"));
    }

    @Test
    void refusesAnEnterpriseOnAFamilyApplication() {
        SubmitApplicationCommand command = new SubmitApplicationCommand(CODE, ApplicantKind.FAMILY,
                QuotaType.NEW_ENERGY, person(MAIN_ID), List.of(member(SPOUSE_ID, Relation.SPOUSE)), null,
                new Enterprise(COMPANY, "Test Trading Co.", 800_000, 1), DOCUMENTS);

        fixture.givenNoPriorActivity()
               .when(command)
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.FIELD_NOT_ALLOWED_FOR_KIND, "enterprise"));
    }

    // ------------------------------------------------------------------ one active application per person

    @Test
    void rejectsSecondApplicationForSamePerson() {
        otherApplications.sendAndWait(individual(OTHER_CODE, MAIN_ID));

        fixture.givenNoPriorActivity()
               .when(individual(CODE, MAIN_ID))
               .expectNoEvents()
               .expectException(DomainException.class)
               .expectException(refusedWith(ErrorCode.ACTIVE_APPLICATION_EXISTS, "applicant.idNumber",
                       Map.of("conflictingApplicationCode", OTHER_CODE.value())));
    }

    @Test
    void rejectsFamilyNamingAMemberWhoIsInAnotherActiveApplication() {
        otherApplications.sendAndWait(individual(OTHER_CODE, CHILD_ID));
        List<Object> claimsBefore = claimPayloads();

        fixture.givenNoPriorActivity()
               .when(family(CODE, MAIN_ID, List.of(member(SPOUSE_ID, Relation.SPOUSE), member(CHILD_ID, Relation.CHILD)),
                       null))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.ACTIVE_APPLICATION_EXISTS, "members[1].idNumber",
                       Map.of("conflictingApplicationCode", OTHER_CODE.value())));

        assertThat(claimPayloads()).as("nobody of the refused family stays claimed").isEqualTo(claimsBefore);
    }

    @Test
    void rejectsPersonClaimedByAnEarlierClaimEvent() {
        publishClaimEvents(claimIdOf(SPOUSE_ID), new ApplicantClaimedEvent(claimIdOf(SPOUSE_ID), OTHER_CODE, "2023-guide"));

        fixture.givenNoPriorActivity()
               .when(family(CODE, MAIN_ID, List.of(member(SPOUSE_ID, Relation.SPOUSE)), null))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.ACTIVE_APPLICATION_EXISTS, "members[0].idNumber",
                       Map.of("conflictingApplicationCode", OTHER_CODE.value())));
    }

    @Test
    void rejectsSecondApplicationForSameEnterprise() {
        otherApplications.sendAndWait(enterprise(OTHER_CODE, new Enterprise(COMPANY, "Test Trading Co.", 800_000, 1)));

        fixture.givenNoPriorActivity()
               .when(enterprise(CODE, new Enterprise(COMPANY, "Test Trading Co.", 800_000, 2)))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.ACTIVE_APPLICATION_EXISTS, "enterprise.creditCode",
                       Map.of("conflictingApplicationCode", OTHER_CODE.value())));
    }

    @Test
    void refusalNeverNamesTheRawIdNumber() {
        otherApplications.sendAndWait(individual(OTHER_CODE, MAIN_ID));

        assertThatThrownBy(() -> otherApplications.sendAndWait(individual(CODE, MAIN_ID)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain(MAIN_ID.value());
                    assertThat(e.details().properties().values()).noneMatch(v -> v.contains(MAIN_ID.value()));
                });
    }

    @Test
    void letsAPersonApplyAgainAfterWithdrawal() {
        otherApplications.sendAndWait(individual(OTHER_CODE, MAIN_ID));
        otherApplications.sendAndWait(new WithdrawApplicationCommand(OTHER_CODE, "changed my mind"));

        fixture.givenNoPriorActivity()
               .when(individual(CODE, MAIN_ID))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ApplicationSubmittedEvent(CODE, ApplicantKind.INDIVIDUAL, QuotaType.ORDINARY,
                       person(MAIN_ID), List.of(), 0, null, DOCUMENTS, NOW, "2023-guide"));

        String claimId = claimIdOf(MAIN_ID);
        assertThat(claimPayloads()).containsExactly(
                new ApplicantClaimedEvent(claimId, OTHER_CODE, "2023-guide"),
                new ApplicantReleasedEvent(claimId, OTHER_CODE, "2023-guide"),
                new ApplicantClaimedEvent(claimId, CODE, "2023-guide"));
    }

    @Test
    void letsAPersonApplyAgainAfterRejection() {
        otherApplications.sendAndWait(individual(OTHER_CODE, MAIN_ID));
        otherApplications.sendAndWait(new RejectApplicationCommand(OTHER_CODE, List.of(FAILED_CHECK)));

        fixture.givenNoPriorActivity()
               .when(individual(CODE, MAIN_ID))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void resubmittingTheSameCodeDoesNotConflictWithItsOwnClaim() {
        // the claim is idempotent for the application that holds it
        publishClaimEvents(claimIdOf(MAIN_ID), new ApplicantClaimedEvent(claimIdOf(MAIN_ID), CODE, "2023-guide"));

        fixture.givenNoPriorActivity()
               .when(individual(CODE, MAIN_ID))
               .expectSuccessfulHandlerExecution();

        assertThat(claimPayloads()).hasSize(1);
    }

    // ------------------------------------------------------------------ quota type

    @Test
    void changesQuotaType() {
        fixture.givenCommands(individual(CODE, MAIN_ID))
               .when(new ChangeQuotaTypeCommand(CODE, QuotaType.NEW_ENERGY))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new QuotaTypeChangedEvent(CODE, QuotaType.ORDINARY, QuotaType.NEW_ENERGY, "2023-guide"));
    }

    @Test
    void changesQuotaTypeBackAgain() {
        fixture.givenCommands(individual(CODE, MAIN_ID), new ChangeQuotaTypeCommand(CODE, QuotaType.NEW_ENERGY))
               .when(new ChangeQuotaTypeCommand(CODE, QuotaType.ORDINARY))
               .expectEvents(new QuotaTypeChangedEvent(CODE, QuotaType.NEW_ENERGY, QuotaType.ORDINARY, "2023-guide"));
    }

    @Test
    void refusesChangeToTheSameQuotaType() {
        fixture.givenCommands(individual(CODE, MAIN_ID))
               .when(new ChangeQuotaTypeCommand(CODE, QuotaType.ORDINARY))
               .expectNoEvents()
               .expectException(DomainException.class)
               .expectException(refusedWith(ErrorCode.QUOTA_TYPE_UNCHANGED, "quotaType"));
    }

    // ------------------------------------------------------------------ withdrawal

    @Test
    void withdrawsAndReleasesEveryPersonNamed() {
        fixture.givenCommands(family(CODE, MAIN_ID, List.of(member(SPOUSE_ID, Relation.SPOUSE)), null))
               .when(new WithdrawApplicationCommand(CODE, "moving abroad"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ApplicationWithdrawnEvent(CODE, "moving abroad", NOW, "2023-guide"));

        assertThat(claimPayloads()).filteredOn(ApplicantReleasedEvent.class::isInstance)
                .containsExactlyInAnyOrder(new ApplicantReleasedEvent(claimIdOf(MAIN_ID), CODE, "2023-guide"),
                        new ApplicantReleasedEvent(claimIdOf(SPOUSE_ID), CODE, "2023-guide"));
    }

    @Test
    void refusesWithdrawalOfAnUnknownApplication() {
        fixture.givenNoPriorActivity()
               .when(new WithdrawApplicationCommand(CODE, null))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.APPLICATION_NOT_FOUND, "code"));
    }

    @Test
    void refusesWithdrawingTwice() {
        fixture.givenCommands(individual(CODE, MAIN_ID), new WithdrawApplicationCommand(CODE, null))
               .when(new WithdrawApplicationCommand(CODE, null))
               .expectNoEvents()
               .expectException(DomainException.class)
               .expectException(refusedWith(ErrorCode.APPLICATION_WITHDRAWN, "code"));
    }

    @Test
    void refusesQuotaTypeChangeOnWithdrawnApplication() {
        fixture.givenCommands(individual(CODE, MAIN_ID), new WithdrawApplicationCommand(CODE, null))
               .when(new ChangeQuotaTypeCommand(CODE, QuotaType.NEW_ENERGY))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.APPLICATION_WITHDRAWN, "code"));
    }

    @Test
    void ignoresPrequalifyingWithdrawnApplication() {
        fixture.givenCommands(individual(CODE, MAIN_ID), new WithdrawApplicationCommand(CODE, null))
               .when(new PrequalifyApplicationCommand(CODE, REGISTRIES))
               .expectNoEvents()
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void ignoresRejectingWithdrawnApplicationAndLeavesClaimsAlone() {
        fixture.givenCommands(individual(CODE, MAIN_ID), new WithdrawApplicationCommand(CODE, null))
               .when(new RejectApplicationCommand(CODE, List.of(FAILED_CHECK)))
               .expectNoEvents()
               .expectSuccessfulHandlerExecution();

        assertThat(claimPayloads()).hasSize(2);
    }

    @Test
    void withdrawsAPrequalifiedApplication() {
        fixture.givenCommands(individual(CODE, MAIN_ID), new PrequalifyApplicationCommand(CODE, REGISTRIES))
               .when(new WithdrawApplicationCommand(CODE, null))
               .expectEvents(new ApplicationWithdrawnEvent(CODE, null, NOW, "2023-guide"));
    }

    // ------------------------------------------------------------------ pre-qualification outcomes
    // An outcome for an application that no longer awaits one is ignored: the process may deliver it twice.

    @Test
    void prequalifies() {
        fixture.givenCommands(individual(CODE, MAIN_ID))
               .when(new PrequalifyApplicationCommand(CODE, REGISTRIES))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ApplicationPrequalifiedEvent(CODE, REGISTRIES, NOW, "2023-guide"));
    }

    @Test
    void rejectsWithEveryFailedCheckAndReleasesThePersons() {
        FailedCheck second = new FailedCheck(Registry.CAR_OWNERSHIP, "member 1 (SPOUSE) " + SPOUSE_ID.masked(),
                RejectionReason.CAR_ALREADY_OWNED, "1 car registered in Beijing");

        fixture.givenCommands(family(CODE, MAIN_ID, List.of(member(SPOUSE_ID, Relation.SPOUSE)), null))
               .when(new RejectApplicationCommand(CODE, List.of(FAILED_CHECK, second)))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ApplicationRejectedEvent(CODE, List.of(FAILED_CHECK, second), NOW, "2023-guide"));

        assertThat(claimPayloads()).filteredOn(ApplicantReleasedEvent.class::isInstance).hasSize(2);
    }

    @Test
    void sendsToManualReview() {
        fixture.givenCommands(individual(CODE, MAIN_ID))
               .when(new SendApplicationToManualReviewCommand(CODE, List.of(Registry.SOCIAL_INSURANCE)))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ApplicationSentToManualReviewEvent(CODE, List.of(Registry.SOCIAL_INSURANCE), NOW,
                       "2023-guide"));

        assertThat(claimPayloads()).noneMatch(ApplicantReleasedEvent.class::isInstance);
    }

    @Test
    void ignoresASecondPrequalification() {
        fixture.givenCommands(individual(CODE, MAIN_ID), new PrequalifyApplicationCommand(CODE, REGISTRIES))
               .when(new PrequalifyApplicationCommand(CODE, REGISTRIES))
               .expectNoEvents()
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void ignoresRejectingAPrequalifiedApplicationAndKeepsItsClaims() {
        fixture.givenCommands(individual(CODE, MAIN_ID), new PrequalifyApplicationCommand(CODE, REGISTRIES))
               .when(new RejectApplicationCommand(CODE, List.of(FAILED_CHECK)))
               .expectNoEvents()
               .expectSuccessfulHandlerExecution();

        assertThat(claimPayloads()).noneMatch(ApplicantReleasedEvent.class::isInstance);
    }

    @Test
    void ignoresManualReviewOfAPrequalifiedApplication() {
        fixture.givenCommands(individual(CODE, MAIN_ID), new PrequalifyApplicationCommand(CODE, REGISTRIES))
               .when(new SendApplicationToManualReviewCommand(CODE, List.of(Registry.INCOME_TAX)))
               .expectNoEvents()
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void ignoresPrequalifyingARejectedApplication() {
        fixture.givenCommands(individual(CODE, MAIN_ID), new RejectApplicationCommand(CODE, List.of(FAILED_CHECK)))
               .when(new PrequalifyApplicationCommand(CODE, REGISTRIES))
               .expectNoEvents()
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void prequalifiesAfterManualReview() {
        fixture.givenCommands(individual(CODE, MAIN_ID),
                       new SendApplicationToManualReviewCommand(CODE, List.of(Registry.SOCIAL_INSURANCE)))
               .when(new PrequalifyApplicationCommand(CODE, REGISTRIES))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ApplicationPrequalifiedEvent(CODE, REGISTRIES, NOW, "2023-guide"));
    }

    @Test
    void rejectsAfterManualReview() {
        fixture.givenCommands(individual(CODE, MAIN_ID),
                       new SendApplicationToManualReviewCommand(CODE, List.of(Registry.SOCIAL_INSURANCE)))
               .when(new RejectApplicationCommand(CODE, List.of(FAILED_CHECK)))
               .expectEvents(new ApplicationRejectedEvent(CODE, List.of(FAILED_CHECK), NOW, "2023-guide"));
    }

    // ------------------------------------------------------------------ helpers

    static final List<Registry> REGISTRIES = List.of(Registry.DRIVING_LICENCE, Registry.RESIDENCE,
            Registry.CAR_OWNERSHIP);
    static final FailedCheck FAILED_CHECK = new FailedCheck(Registry.SOCIAL_INSURANCE,
            "applicant " + MAIN_ID.masked(), RejectionReason.SOCIAL_INSURANCE_GAP, "gap in 2021-04");

    static ResidentIdNumber id(String first17) {
        return new ResidentIdNumber(first17 + ResidentIdNumber.checkCharacter(first17));
    }

    static Person person(ResidentIdNumber id) {
        return new Person(id, "Test Person", "13800000000");
    }

    static FamilyMember member(ResidentIdNumber id, Relation relation) {
        return new FamilyMember(person(id), relation);
    }

    static SubmitApplicationCommand individual(ApplicationCode code, ResidentIdNumber id) {
        return new SubmitApplicationCommand(code, ApplicantKind.INDIVIDUAL, QuotaType.ORDINARY, person(id), List.of(),
                null, null, DOCUMENTS);
    }

    static SubmitApplicationCommand family(ApplicationCode code, ResidentIdNumber main, List<FamilyMember> members,
                                           Integer generations) {
        return new SubmitApplicationCommand(code, ApplicantKind.FAMILY, QuotaType.NEW_ENERGY, person(main), members,
                generations, null, DOCUMENTS);
    }

    static SubmitApplicationCommand enterprise(ApplicationCode code, Enterprise enterprise) {
        return new SubmitApplicationCommand(code, ApplicantKind.ENTERPRISE, QuotaType.ORDINARY, null, List.of(), null,
                enterprise, DOCUMENTS);
    }

    static String claimIdOf(ResidentIdNumber id) {
        return ApplicantClaim.claimIdsOf(ApplicantKind.INDIVIDUAL, person(id), List.of(), null).get(0).claimId();
    }

    /** Every event in the claim store, oldest first. */
    private List<Object> claimPayloads() {
        return claimEvents.readEvents(null, false).map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    private void publishClaimEvents(String claimId, Object... payloads) {
        List<org.axonframework.eventhandling.DomainEventMessage<?>> messages = new java.util.ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            messages.add(new org.axonframework.eventhandling.GenericDomainEventMessage<>(
                    ApplicantClaim.class.getSimpleName(), claimId, i, payloads[i]));
        }
        claimStore.publish(messages);
    }
    // ------------------------------------------------------------------ sign-in and the multi-device alert

    @Test
    void theFirstSignInIsRecordedWithoutAnAlert() {
        fixture.givenCommands(individual(CODE, MAIN_ID))
               .when(new RecordApplicantSignInCommand(CODE, "device-a"))
               .expectEvents(new ApplicantSignedInEvent(CODE, "device-a", false, NOW));
    }

    @Test
    void aSignInFromANewDeviceIsFlaggedForTheAlert() {
        fixture.givenCommands(individual(CODE, MAIN_ID), new RecordApplicantSignInCommand(CODE, "device-a"))
               .when(new RecordApplicantSignInCommand(CODE, "device-b"))
               .expectEvents(new ApplicantSignedInEvent(CODE, "device-b", true, NOW));
    }

    @Test
    void aSignInFromAKnownDeviceIsNotFlagged() {
        fixture.givenCommands(individual(CODE, MAIN_ID), new RecordApplicantSignInCommand(CODE, "device-a"),
                       new RecordApplicantSignInCommand(CODE, "device-b"))
               .when(new RecordApplicantSignInCommand(CODE, "device-a"))
               .expectEvents(new ApplicantSignedInEvent(CODE, "device-a", false, NOW));
    }

    @Test
    void aWithdrawnApplicantMayStillSignIn() {
        fixture.givenCommands(individual(CODE, MAIN_ID), new WithdrawApplicationCommand(CODE, "moved"))
               .when(new RecordApplicantSignInCommand(CODE, "device-a"))
               .expectEvents(new ApplicantSignedInEvent(CODE, "device-a", false, NOW));
    }
}
