package org.yaohao.command.application;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaohao.kernel.application.ApplicantClaimedEvent;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.ApplicantReleasedEvent;
import org.yaohao.kernel.application.Enterprise;
import org.yaohao.kernel.application.Relation;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.command.application.ApplicationTest.CHILD_ID;
import static org.yaohao.command.application.ApplicationTest.CODE;
import static org.yaohao.command.application.ApplicationTest.COMPANY;
import static org.yaohao.command.application.ApplicationTest.MAIN_ID;
import static org.yaohao.command.application.ApplicationTest.OTHER_CODE;
import static org.yaohao.command.application.ApplicationTest.SPOUSE_ID;
import static org.yaohao.command.application.ApplicationTest.member;
import static org.yaohao.command.application.ApplicationTest.person;
import static org.yaohao.command.application.DomainExceptionMatcher.refusedWith;

class ApplicantClaimTest {

    private static final ApplicantClaim.Subject SUBJECT =
            new ApplicantClaim.Subject(ApplicationTest.claimIdOf(MAIN_ID), "applicant.idNumber", false);
    private static final String CLAIM_ID = SUBJECT.claimId();

    private AggregateTestFixture<ApplicantClaim> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApplicantClaim.class);
    }

    @Test
    void claimsAFreePerson() {
        fixture.givenNoPriorActivity()
               .whenConstructing(() -> {
                   ApplicantClaim claim = new ApplicantClaim();
                   claim.claim(SUBJECT, CODE, "2023-guide");
                   return claim;
               })
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ApplicantClaimedEvent(CLAIM_ID, CODE, "2023-guide"));
    }

    @Test
    void refusesClaimForAnotherApplicationNamingTheHolder() {
        fixture.given(new ApplicantClaimedEvent(CLAIM_ID, OTHER_CODE, "2023-guide"))
               .whenInvoking(CLAIM_ID, claim -> claim.claim(SUBJECT, CODE, "2023-guide"))
               .expectNoEvents()
               .expectException(DomainException.class)
               .expectException(refusedWith(ErrorCode.ACTIVE_APPLICATION_EXISTS, "applicant.idNumber",
                       Map.of("conflictingApplicationCode", OTHER_CODE.value())));
    }

    @Test
    void refusalForAnEnterpriseSaysEnterprise() {
        ApplicantClaim.Subject enterprise = new ApplicantClaim.Subject("E-x", "enterprise.creditCode", true);

        fixture.given(new ApplicantClaimedEvent("E-x", OTHER_CODE, "2023-guide"))
               .whenInvoking("E-x", claim -> claim.claim(enterprise, CODE, "2023-guide"))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.ACTIVE_APPLICATION_EXISTS, "enterprise.creditCode"))
               .expectExceptionMessage("this enterprise is already in active application " + OTHER_CODE);
    }

    @Test
    void claimingAgainForTheHoldingApplicationChangesNothing() {
        fixture.given(new ApplicantClaimedEvent(CLAIM_ID, CODE, "2023-guide"))
               .whenInvoking(CLAIM_ID, claim -> claim.claim(SUBJECT, CODE, "2023-guide"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void claimsAReleasedPersonForANewApplication() {
        fixture.given(new ApplicantClaimedEvent(CLAIM_ID, OTHER_CODE, "2023-guide"),
                       new ApplicantReleasedEvent(CLAIM_ID, OTHER_CODE, "2023-guide"))
               .whenInvoking(CLAIM_ID, claim -> claim.claim(SUBJECT, CODE, "2023-guide"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ApplicantClaimedEvent(CLAIM_ID, CODE, "2023-guide"));
    }

    @Test
    void releasesThePersonFromTheHoldingApplication() {
        fixture.given(new ApplicantClaimedEvent(CLAIM_ID, CODE, "2023-guide"))
               .whenInvoking(CLAIM_ID, claim -> claim.release(CODE, "2023-guide"))
               .expectEvents(new ApplicantReleasedEvent(CLAIM_ID, CODE, "2023-guide"));
    }

    @Test
    void ignoresReleaseByAnApplicationThatDoesNotHoldThePerson() {
        fixture.given(new ApplicantClaimedEvent(CLAIM_ID, OTHER_CODE, "2023-guide"))
               .whenInvoking(CLAIM_ID, claim -> claim.release(CODE, "2023-guide"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void ignoresReleaseOfAPersonAlreadyReleased() {
        fixture.given(new ApplicantClaimedEvent(CLAIM_ID, CODE, "2023-guide"),
                       new ApplicantReleasedEvent(CLAIM_ID, CODE, "2023-guide"))
               .whenInvoking(CLAIM_ID, claim -> claim.release(CODE, "2023-guide"))
               .expectNoEvents();
    }

    @Test
    void bindsEveryPersonOfAFamilySortedByClaimIdWithTheirFields() {
        List<ApplicantClaim.Subject> subjects = ApplicantClaim.claimIdsOf(ApplicantKind.FAMILY, person(MAIN_ID),
                List.of(member(SPOUSE_ID, Relation.SPOUSE), member(CHILD_ID, Relation.CHILD)), null);

        assertThat(subjects).extracting(ApplicantClaim.Subject::field).containsExactlyInAnyOrder(
                "applicant.idNumber", "members[0].idNumber", "members[1].idNumber");
        assertThat(subjects).extracting(ApplicantClaim.Subject::claimId).isSorted().doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("P-"))
                .noneMatch(id -> id.contains(MAIN_ID.value()) || id.contains(SPOUSE_ID.value())
                        || id.contains(CHILD_ID.value()));
        assertThat(subjects).noneMatch(ApplicantClaim.Subject::enterprise);
    }

    @Test
    void samePersonHasTheSameClaimInEveryRole() {
        String asApplicant = ApplicantClaim.claimIdsOf(ApplicantKind.INDIVIDUAL, person(SPOUSE_ID), List.of(), null)
                .get(0).claimId();
        List<ApplicantClaim.Subject> asMember = ApplicantClaim.claimIdsOf(ApplicantKind.FAMILY, person(MAIN_ID),
                List.of(member(SPOUSE_ID, Relation.SPOUSE)), null);

        assertThat(asMember).filteredOn(s -> s.field().equals("members[0].idNumber"))
                .singleElement().extracting(ApplicantClaim.Subject::claimId).isEqualTo(asApplicant);
    }

    @Test
    void bindsAnEnterpriseByItsCreditCode() {
        List<ApplicantClaim.Subject> subjects = ApplicantClaim.claimIdsOf(ApplicantKind.ENTERPRISE, null, List.of(),
                new Enterprise(COMPANY, "Test Trading Co.", 800_000, 1));

        assertThat(subjects).singleElement().satisfies(subject -> {
            assertThat(subject.claimId()).startsWith("E-").doesNotContain(COMPANY.value());
            assertThat(subject.field()).isEqualTo("enterprise.creditCode");
            assertThat(subject.enterprise()).isTrue();
        });
    }
}
