package org.yaohao.command.prequalification;

import org.junit.jupiter.api.Test;
import org.yaohao.kernel.application.FailedCheck;
import org.yaohao.kernel.application.RejectionReason;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;
import org.yaohao.kernel.policy.Policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

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
import static org.yaohao.kernel.application.Registry.CAR_OWNERSHIP;
import static org.yaohao.kernel.application.Registry.DRIVING_LICENCE;
import static org.yaohao.kernel.application.Registry.ENTERPRISE_TAX;
import static org.yaohao.kernel.application.Registry.INCOME_TAX;
import static org.yaohao.kernel.application.Registry.RESIDENCE;
import static org.yaohao.kernel.application.Registry.SOCIAL_INSURANCE;
import static org.yaohao.kernel.application.Relation.CHILD;
import static org.yaohao.kernel.application.Relation.PARENT;
import static org.yaohao.kernel.application.Relation.PARENT_IN_LAW;
import static org.yaohao.kernel.application.Relation.SPOUSE;

class PrequalificationChecksTest {

    private static final ResidentIdNumber APPLICANT = id("11010119850312001");
    private static final ResidentIdNumber SPOUSE_ID = id("13010219880621002");
    private static final ResidentIdNumber CHILD_ID = id("11010120100101003");
    private static final ResidentIdNumber PARENT_ID = id("11010119550505004");
    private static final ResidentIdNumber PARENT_IN_LAW_ID = id("13010219560606005");
    private static final UnifiedSocialCreditCode COMPANY = creditCode("91110105MA01ABCD1");

    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final PrequalificationChecks checks = new PrequalificationChecks(registry);

    private CheckOutcome runIndividual() {
        return checks.run(individual(APPLICANT, NOV_27_2026), POLICY_2023);
    }

    private static String applicantSubject() {
        return "applicant " + APPLICANT.masked();
    }

    // --- individuals who pass

    @Test
    void passesApplicantWithBeijingHukouWithoutAskingSocialInsuranceOrIncomeTax() {
        registry.hukouHolder(APPLICANT);

        CheckOutcome outcome = runIndividual();

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.complete()).isTrue();
        assertThat(outcome.consulted()).containsExactly(DRIVING_LICENCE, RESIDENCE, CAR_OWNERSHIP);
        assertThat(registry.calls).noneMatch(call -> call.startsWith("SOCIAL_INSURANCE") || call.startsWith("INCOME_TAX"));
    }

    @Test
    void passesApplicantWithWorkResidencePermitWithoutSocialInsuranceOrIncomeTax() {
        registry.licence(APPLICANT, LocalDate.of(2030, 1, 1)).cars(APPLICANT, 0)
                .residence(APPLICANT, new ResidenceRecord(false, true, null));

        CheckOutcome outcome = runIndividual();

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.consulted()).doesNotContain(SOCIAL_INSURANCE, INCOME_TAX);
    }

    @Test
    void passesApplicantWithResidencePermitSocialInsuranceAndIncomeTax() {
        registry.permitHolder(APPLICANT);

        CheckOutcome outcome = runIndividual();

        assertThat(outcome.failedChecks()).isEmpty();
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.consulted())
                .containsExactly(SOCIAL_INSURANCE, INCOME_TAX, DRIVING_LICENCE, RESIDENCE, CAR_OWNERSHIP);
    }

    // --- social insurance

    @Test
    void passesApplicantWithExactlySixtyMonthsBeforeTheMonthOfApplyingAndNoneInIt() {
        registry.permitHolder(APPLICANT)
                .insurance(APPLICANT, new PaidPeriod(YearMonth.of(2021, 11), YearMonth.of(2026, 10)));

        assertThat(runIndividual().passed()).isTrue();
    }

    @Test
    void recordsEachPersonsWholeYearsOfSocialInsuranceForTheFamilyPoints() {
        registry.hukouHolder(APPLICANT).permitHolder(SPOUSE_ID)
                .insurance(SPOUSE_ID, new PaidPeriod(YearMonth.of(2012, 1), YearMonth.of(2014, 12)),
                           new PaidPeriod(YearMonth.of(2016, 1), null));

        CheckOutcome outcome = checks.run(family(APPLICANT, List.of(member(SPOUSE_ID, SPOUSE)), 1, NOV_27_2026),
                                          POLICY_2023);

        // the applicant's insurance is not asked (household registration); the spouse paid 36 + 130 months
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.socialInsuranceYears()).containsExactly(0, 13);
    }

    @Test
    void rejectsApplicantWithFiftyNineMonths() {
        registry.permitHolder(APPLICANT)
                .insurance(APPLICANT, new PaidPeriod(YearMonth.of(2021, 12), YearMonth.of(2026, 10)));

        assertThat(runIndividual().failedChecks()).singleElement()
                .satisfies(check -> assertThat(check.reason()).isEqualTo(RejectionReason.SOCIAL_INSURANCE_GAP))
                .satisfies(check -> assertThat(check.detail()).contains("found 59 consecutive months"));
    }

    @Test
    void rejectsApplicantWithSocialInsuranceGap() {
        registry.permitHolder(APPLICANT).insurance(APPLICANT,
                new PaidPeriod(YearMonth.of(2015, 1), YearMonth.of(2026, 5)),
                new PaidPeriod(YearMonth.of(2026, 7), null));

        CheckOutcome outcome = runIndividual();

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.complete()).isTrue();
        assertThat(outcome.failedChecks()).singleElement().satisfies(check -> {
            assertThat(check.registry()).isEqualTo(SOCIAL_INSURANCE);
            assertThat(check.subject()).isEqualTo(applicantSubject());
            assertThat(check.reason()).isEqualTo(RejectionReason.SOCIAL_INSURANCE_GAP);
            assertThat(check.detail()).contains("found 4 consecutive months", "2026-06 unpaid", "60 required");
        });
    }

    @Test
    void countsBackPaidMonthsLikeAnyOther() {
        // the gap 2024-03..2024-04 was back-paid: the registry reports it inside a period of its own
        registry.permitHolder(APPLICANT).insurance(APPLICANT,
                new PaidPeriod(YearMonth.of(2015, 1), YearMonth.of(2024, 2)),
                new PaidPeriod(YearMonth.of(2024, 5), null),
                new PaidPeriod(YearMonth.of(2024, 3), YearMonth.of(2024, 4)));

        assertThat(runIndividual().passed()).isTrue();
    }

    @Test
    void rejectsApplicantKnownToSocialInsuranceWithNoMonthPaid() {
        registry.permitHolder(APPLICANT).insurance(APPLICANT);

        assertThat(runIndividual().failedChecks()).singleElement()
                .satisfies(check -> assertThat(check.reason()).isEqualTo(RejectionReason.SOCIAL_INSURANCE_GAP))
                .satisfies(check -> assertThat(check.detail()).contains("found 0 consecutive months"));
    }

    // --- income tax

    @Test
    void rejectsApplicantWithIncomeTaxMissingYearNamingEveryMissingYear() {
        registry.permitHolder(APPLICANT).tax(APPLICANT, Map.of(
                2020, 50_000L, 2021, 50_000L, 2022, 0L, 2023, 50_000L, 2025, 50_000L));

        CheckOutcome outcome = runIndividual();

        assertThat(outcome.failedChecks()).singleElement().satisfies(check -> {
            assertThat(check.registry()).isEqualTo(INCOME_TAX);
            assertThat(check.reason()).isEqualTo(RejectionReason.INCOME_TAX_MISSING_YEAR);
            assertThat(check.detail()).contains("2022, 2024").contains("2021-2025").doesNotContain("2020,");
        });
    }

    // --- driving licence

    @Test
    void rejectsApplicantWithoutValidDrivingLicence() {
        registry.hukouHolder(APPLICANT).licence(APPLICANT, LocalDate.of(2026, 11, 26));

        assertThat(runIndividual().failedChecks()).containsExactly(new FailedCheck(DRIVING_LICENCE, applicantSubject(),
                RejectionReason.NO_VALID_DRIVING_LICENCE, "licence valid until 2026-11-26, applied on 2026-11-27"));
    }

    @Test
    void acceptsLicenceOnItsLastValidDay() {
        registry.hukouHolder(APPLICANT).licence(APPLICANT, LocalDate.of(2026, 11, 27));

        assertThat(runIndividual().passed()).isTrue();
    }

    @Test
    void judgesTheDayOfApplyingInBeijingTime() {
        // 2026-11-30T17:00Z is 1 December 01:00 in Beijing: the licence ran out the day before
        registry.hukouHolder(APPLICANT).licence(APPLICANT, LocalDate.of(2026, 11, 30));

        CheckOutcome outcome = checks.run(individual(APPLICANT, Instant.parse("2026-11-30T17:00:00Z")), POLICY_2023);

        assertThat(outcome.failedChecks()).extracting(FailedCheck::reason)
                .containsExactly(RejectionReason.NO_VALID_DRIVING_LICENCE);
    }

    // --- residence

    @Test
    void rejectsApplicantWithoutBeijingResidence() {
        registry.permitHolder(APPLICANT).residence(APPLICANT, new ResidenceRecord(false, false, null));

        CheckOutcome outcome = runIndividual();

        assertThat(outcome.failedChecks()).extracting(FailedCheck::registry, FailedCheck::reason)
                .containsExactly(tuple(RESIDENCE, RejectionReason.NO_BEIJING_RESIDENCE));
        assertThat(outcome.consulted()).contains(SOCIAL_INSURANCE, INCOME_TAX);
    }

    @Test
    void rejectsApplicantWithExpiredResidencePermit() {
        registry.permitHolder(APPLICANT).residence(APPLICANT, new ResidenceRecord(false, false, LocalDate.of(2026, 1, 15)));

        assertThat(runIndividual().failedChecks()).containsExactly(new FailedCheck(RESIDENCE, applicantSubject(),
                RejectionReason.RESIDENCE_PERMIT_EXPIRED, "residence permit valid until 2026-01-15, applied on 2026-11-27"));
    }

    @Test
    void namesEveryFailedCheckOfAnApplicant() {
        registry.permitHolder(APPLICANT)
                .residence(APPLICANT, new ResidenceRecord(false, false, LocalDate.of(2026, 1, 15)))
                .insurance(APPLICANT, new PaidPeriod(YearMonth.of(2024, 1), null))
                .tax(APPLICANT, Map.of())
                .cars(APPLICANT, 2)
                .licence(APPLICANT, LocalDate.of(2020, 1, 1));

        assertThat(runIndividual().failedChecks()).extracting(FailedCheck::reason).containsExactly(
                RejectionReason.NO_VALID_DRIVING_LICENCE, RejectionReason.CAR_ALREADY_OWNED,
                RejectionReason.RESIDENCE_PERMIT_EXPIRED, RejectionReason.SOCIAL_INSURANCE_GAP,
                RejectionReason.INCOME_TAX_MISSING_YEAR);
    }

    // --- car ownership

    @Test
    void rejectsApplicantWhoAlreadyOwnsACar() {
        registry.hukouHolder(APPLICANT).cars(APPLICANT, 1);

        assertThat(runIndividual().failedChecks()).containsExactly(new FailedCheck(CAR_OWNERSHIP, applicantSubject(),
                RejectionReason.CAR_ALREADY_OWNED, "1 passenger car registered in Beijing"));
    }

    // --- unknown people

    @Test
    void rejectsApplicantUnknownToEveryRegistryWithAReasonPerRegistry() {
        CheckOutcome outcome = runIndividual();

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.complete()).isTrue();
        assertThat(outcome.failedChecks()).extracting(FailedCheck::registry)
                .containsExactly(DRIVING_LICENCE, CAR_OWNERSHIP, RESIDENCE, SOCIAL_INSURANCE, INCOME_TAX);
        assertThat(outcome.failedChecks()).extracting(FailedCheck::reason).containsOnly(RejectionReason.NOT_IN_REGISTRY);
    }

    @Test
    void rejectsApplicantUnknownToOneRegistry() {
        registry.hukouHolder(APPLICANT).noLicence(APPLICANT);

        assertThat(runIndividual().failedChecks()).containsExactly(new FailedCheck(DRIVING_LICENCE, applicantSubject(),
                RejectionReason.NOT_IN_REGISTRY, "the DRIVING_LICENCE registry has no record"));
    }

    // --- registries that do not answer

    @Test
    void reportsAnUnansweredRegistryAndStillJudgesTheOthers() {
        registry.permitHolder(APPLICANT).cars(APPLICANT, 1).down(SOCIAL_INSURANCE);

        CheckOutcome outcome = runIndividual();

        assertThat(outcome.unanswered()).containsExactly(SOCIAL_INSURANCE);
        assertThat(outcome.complete()).isFalse();
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.consulted()).containsExactly(SOCIAL_INSURANCE, INCOME_TAX, DRIVING_LICENCE, RESIDENCE, CAR_OWNERSHIP);
        assertThat(outcome.failedChecks()).extracting(FailedCheck::reason).containsExactly(RejectionReason.CAR_ALREADY_OWNED);
    }

    @Test
    void neitherPassesNorFailsWhileARegistryIsUnanswered() {
        registry.permitHolder(APPLICANT).down(INCOME_TAX);

        CheckOutcome outcome = runIndividual();

        assertThat(outcome.failedChecks()).isEmpty();
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.unanswered()).containsExactly(INCOME_TAX);
    }

    @Test
    void doesNotAskWhatDependsOnAnUnansweredResidenceRegistry() {
        registry.permitHolder(APPLICANT).down(RESIDENCE);

        CheckOutcome outcome = runIndividual();

        assertThat(outcome.unanswered()).containsExactly(RESIDENCE);
        assertThat(outcome.consulted()).containsExactly(DRIVING_LICENCE, RESIDENCE, CAR_OWNERSHIP);
        assertThat(outcome.failedChecks()).isEmpty();
    }

    @Test
    void listsEachUnansweredRegistryOnceInRegistryOrderAndDoesNotAskItAgainInTheSameRun() {
        registry.permitHolder(APPLICANT).permitHolder(SPOUSE_ID).down(CAR_OWNERSHIP).down(SOCIAL_INSURANCE);

        CheckOutcome outcome = checks.run(family(APPLICANT, List.of(member(SPOUSE_ID, SPOUSE)), 1, NOV_27_2026), POLICY_2023);

        assertThat(outcome.unanswered()).containsExactly(SOCIAL_INSURANCE, CAR_OWNERSHIP);
        assertThat(registry.calls).filteredOn(call -> call.startsWith("CAR_OWNERSHIP")).hasSize(1);
        assertThat(registry.calls).contains("RESIDENCE " + SPOUSE_ID.masked());
    }

    // --- families

    @Test
    void passesAThreeGenerationFamilyAskingNoMemberForADrivingLicence() {
        registry.hukouHolder(APPLICANT).permitHolder(SPOUSE_ID).hukouHolder(CHILD_ID).hukouHolder(PARENT_ID)
                .permitHolder(PARENT_IN_LAW_ID)
                .noLicence(SPOUSE_ID).noLicence(CHILD_ID).noLicence(PARENT_ID).noLicence(PARENT_IN_LAW_ID);

        CheckOutcome outcome = checks.run(family(APPLICANT, List.of(member(SPOUSE_ID, SPOUSE), member(CHILD_ID, CHILD),
                member(PARENT_ID, PARENT), member(PARENT_IN_LAW_ID, PARENT_IN_LAW)), 3, NOV_27_2026), POLICY_2023);

        assertThat(outcome.passed()).isTrue();
        assertThat(registry.calls).filteredOn(call -> call.startsWith("DRIVING_LICENCE"))
                .containsExactly("DRIVING_LICENCE " + APPLICANT.masked());
    }

    @Test
    void rejectsAFamilyNamingTheMemberWhoFailedByPositionRelationAndMaskedId() {
        registry.hukouHolder(APPLICANT).permitHolder(SPOUSE_ID).hukouHolder(CHILD_ID)
                .residence(SPOUSE_ID, new ResidenceRecord(false, false, LocalDate.of(2025, 12, 31)))
                .cars(CHILD_ID, 1);

        CheckOutcome outcome = checks.run(family(APPLICANT, List.of(member(SPOUSE_ID, SPOUSE), member(CHILD_ID, CHILD)),
                2, NOV_27_2026), POLICY_2023);

        assertThat(outcome.failedChecks()).extracting(FailedCheck::subject, FailedCheck::reason).containsExactly(
                tuple("member 1 (SPOUSE) " + SPOUSE_ID.masked(),
                        RejectionReason.RESIDENCE_PERMIT_EXPIRED),
                tuple("member 2 (CHILD) " + CHILD_ID.masked(),
                        RejectionReason.CAR_ALREADY_OWNED));
        assertThat(outcome.failedChecks().get(0).subject()).isEqualTo("member 1 (SPOUSE) 130102********0028");
    }

    @Test
    void rejectsAFamilyMemberWithSocialInsuranceGapAndAnUnknownMember() {
        registry.hukouHolder(APPLICANT).permitHolder(SPOUSE_ID)
                .insurance(SPOUSE_ID, new PaidPeriod(YearMonth.of(2025, 1), null));

        CheckOutcome outcome = checks.run(family(APPLICANT, List.of(member(SPOUSE_ID, SPOUSE), member(PARENT_ID, PARENT)),
                2, NOV_27_2026), POLICY_2023);

        assertThat(outcome.failedChecks()).extracting(FailedCheck::subject, FailedCheck::registry, FailedCheck::reason)
                .containsExactly(
                        tuple("member 1 (SPOUSE) " + SPOUSE_ID.masked(), SOCIAL_INSURANCE,
                                RejectionReason.SOCIAL_INSURANCE_GAP),
                        tuple("member 2 (PARENT) " + PARENT_ID.masked(), CAR_OWNERSHIP,
                                RejectionReason.NOT_IN_REGISTRY),
                        tuple("member 2 (PARENT) " + PARENT_ID.masked(), RESIDENCE,
                                RejectionReason.NOT_IN_REGISTRY),
                        tuple("member 2 (PARENT) " + PARENT_ID.masked(), SOCIAL_INSURANCE,
                                RejectionReason.NOT_IN_REGISTRY),
                        tuple("member 2 (PARENT) " + PARENT_ID.masked(), INCOME_TAX,
                                RejectionReason.NOT_IN_REGISTRY));
    }

    // --- enterprises

    @Test
    void passesEnterpriseThatPaidTheMinimumTaxLastYear() {
        registry.enterpriseTax(COMPANY, Map.of(2025, 500_000L, 2024, 10L));

        CheckOutcome outcome = checks.run(enterprise(COMPANY, NOV_27_2026), POLICY_2023);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.consulted()).containsExactly(ENTERPRISE_TAX);
    }

    @Test
    void rejectsEnterpriseWithTaxBelowMinimum() {
        registry.enterpriseTax(COMPANY, Map.of(2025, 300_000L, 2026, 900_000L));

        CheckOutcome outcome = checks.run(enterprise(COMPANY, NOV_27_2026), POLICY_2023);

        assertThat(outcome.failedChecks()).containsExactly(new FailedCheck(ENTERPRISE_TAX, "enterprise " + COMPANY,
                RejectionReason.ENTERPRISE_TAX_BELOW_MINIMUM, "paid 300000 yuan tax in 2025; at least 500000 yuan required"));
    }

    @Test
    void rejectsEnterpriseWithoutTaxRecordForLastYear() {
        registry.enterpriseTax(COMPANY, Map.of(2024, 900_000L));

        assertThat(checks.run(enterprise(COMPANY, NOV_27_2026), POLICY_2023).failedChecks())
                .extracting(FailedCheck::reason).containsExactly(RejectionReason.ENTERPRISE_TAX_BELOW_MINIMUM);
    }

    @Test
    void rejectsEnterpriseUnknownToTheTaxRegistry() {
        CheckOutcome outcome = checks.run(enterprise(COMPANY, NOV_27_2026), POLICY_2023);

        assertThat(outcome.failedChecks()).containsExactly(new FailedCheck(ENTERPRISE_TAX, "enterprise " + COMPANY,
                RejectionReason.NOT_IN_REGISTRY, "the ENTERPRISE_TAX registry has no record"));
    }

    @Test
    void reportsAnUnansweredEnterpriseTaxRegistry() {
        registry.down(ENTERPRISE_TAX);

        CheckOutcome outcome = checks.run(enterprise(COMPANY, NOV_27_2026), POLICY_2023);

        assertThat(outcome.unanswered()).containsExactly(ENTERPRISE_TAX);
        assertThat(outcome.failedChecks()).isEmpty();
    }

    // --- policy and privacy

    @Test
    void takesEveryNumberFromThePolicy() {
        Policy lenient = new Policy("lenient", 12, 2, 100_000, 5, Duration.ofHours(24), Duration.ofHours(1),
            2_000, 1_000, 3, 7, java.util.List.of(), null, null, 12, java.util.Map.of());
        registry.permitHolder(APPLICANT)
                .insurance(APPLICANT, new PaidPeriod(YearMonth.of(2025, 11), null))
                .tax(APPLICANT, Map.of(2024, 1L, 2025, 1L))
                .enterpriseTax(COMPANY, Map.of(2025, 100_000L));

        assertThat(checks.run(individual(APPLICANT, NOV_27_2026), lenient).passed()).isTrue();
        assertThat(checks.run(individual(APPLICANT, NOV_27_2026), POLICY_2023).failedChecks())
                .extracting(FailedCheck::reason)
                .containsExactly(RejectionReason.SOCIAL_INSURANCE_GAP, RejectionReason.INCOME_TAX_MISSING_YEAR);
        assertThat(checks.run(enterprise(COMPANY, NOV_27_2026), lenient).passed()).isTrue();
        assertThat(checks.run(enterprise(COMPANY, NOV_27_2026), POLICY_2023).passed()).isFalse();
    }

    @Test
    void neverShowsARawIdNumberInAFailedCheck() {
        CheckOutcome outcome = checks.run(family(APPLICANT, List.of(member(SPOUSE_ID, SPOUSE)), 1, NOV_27_2026),
                POLICY_2023);

        assertThat(outcome.failedChecks()).isNotEmpty().allSatisfy(check -> {
            assertThat(check.toString()).doesNotContain(APPLICANT.value(), SPOUSE_ID.value());
            assertThat(check.subject()).matches("(applicant|member 1 \\(SPOUSE\\)) \\d{6}\\*{8}\\d{3}[\\dX]");
        });
        assertThat(outcome.failedChecks().get(0).subject()).isEqualTo("applicant 110101********0017");
    }
}
