package org.yaohao.command.prequalification;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.FailedCheck;
import org.yaohao.kernel.application.RejectionReason;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.yaohao.command.prequalification.Applications.NOV_27_2026;
import static org.yaohao.command.prequalification.Applications.POLICY_2023;
import static org.yaohao.command.prequalification.Applications.enterprise;
import static org.yaohao.command.prequalification.Applications.family;
import static org.yaohao.command.prequalification.Applications.individual;
import static org.yaohao.command.prequalification.Applications.member;
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

/** The shipped sample registry behaves as docs/registry-contract.md says, today and for years to come. */
class FileRegistryTest {

    private static final Pattern LABEL = Pattern.compile("^(passes|rejects ([A-Z_]+(?:, [A-Z_]+)*)):.*");

    private final FileRegistry sample = FileRegistry.loadSample();
    private final PrequalificationChecks checks = new PrequalificationChecks(sample);

    @ParameterizedTest(name = "applying on {0}")
    @ValueSource(strings = {"2026-11-27T02:00:00Z", "2027-03-01T02:00:00Z", "2031-06-15T02:00:00Z", "2035-11-27T02:00:00Z"})
    void everySampleSubjectYieldsWhatItsLabelClaims(String submittedAt) {
        Instant when = Instant.parse(submittedAt);
        assertThat(sample.labels()).hasSizeGreaterThanOrEqualTo(56).allSatisfy((key, label) -> {
            Matcher matcher = LABEL.matcher(label);
            assertThat(matcher.matches()).as("label of %s: %s", key, label).isTrue();
            ApplicationSubmittedEvent application = key.startsWith("9")
                    ? enterprise(UnifiedSocialCreditCode.of(key), when)
                    : individual(ResidentIdNumber.of(key), when);
            CheckOutcome outcome = checks.run(application, POLICY_2023);
            assertThat(outcome.complete()).isTrue();
            if (matcher.group(2) == null) {
                assertThat(outcome.failedChecks()).as("%s (%s)", key, label).isEmpty();
            } else {
                assertThat(outcome.failedChecks()).as("%s (%s)", key, label).extracting(FailedCheck::reason)
                        .containsExactlyInAnyOrderElementsOf(Arrays.stream(matcher.group(2).split(", "))
                                .map(RejectionReason::valueOf).toList());
            }
        });
    }

    @Test
    void coversEveryRejectionReason() {
        Set<RejectionReason> claimed = sample.labels().values().stream()
                .map(LABEL::matcher).filter(Matcher::matches).filter(m -> m.group(2) != null)
                .flatMap(m -> Arrays.stream(m.group(2).split(", "))).map(RejectionReason::valueOf)
                .collect(Collectors.toSet());

        assertThat(claimed).containsExactlyInAnyOrder(RejectionReason.values());
    }

    @Test
    void rejectsTheDocumentedPeopleForTheDocumentedReasons() {
        Map<String, RejectionReason> expected = Map.of(
                "130105198704100046", RejectionReason.SOCIAL_INSURANCE_GAP,
                "130105198911260050", RejectionReason.INCOME_TAX_MISSING_YEAR,
                "11010819830930006X", RejectionReason.NO_VALID_DRIVING_LICENCE,
                "370102199102140075", RejectionReason.NO_BEIJING_RESIDENCE,
                "370102198611030080", RejectionReason.RESIDENCE_PERMIT_EXPIRED,
                "110106198204180097", RejectionReason.CAR_ALREADY_OWNED,
                "110105195001010012", RejectionReason.NOT_IN_REGISTRY);

        expected.forEach((id, reason) -> assertThat(
                checks.run(individual(ResidentIdNumber.of(id), NOV_27_2026), POLICY_2023).failedChecks())
                .as(id).extracting(FailedCheck::reason).containsExactly(reason));
    }

    @Test
    void reportsTheSocialInsuranceGapFiveMonthsAgo() {
        CheckOutcome outcome = checks.run(individual(ResidentIdNumber.of("130105198704100046"), NOV_27_2026),
                POLICY_2023);

        assertThat(outcome.failedChecks()).singleElement().satisfies(check -> {
            assertThat(check.subject()).isEqualTo("applicant 130105********0046");
            assertThat(check.detail()).contains("found 4 consecutive months", "2026-06 unpaid");
        });
    }

    @Test
    void passesTheDocumentedIndividuals() {
        for (String id : List.of("110101198503120017", "130102198806210028", "320102199009150034")) {
            assertThat(checks.run(individual(ResidentIdNumber.of(id), NOV_27_2026), POLICY_2023).passed()).as(id).isTrue();
        }
    }

    @Test
    void offersAtLeastFortyMorePassingIndividualsForLoadTests() {
        assertThat(sample.labels().values()).filteredOn(label -> label.startsWith("passes: generated individual"))
                .hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void formsAPassingThreeGenerationFamily() {
        CheckOutcome outcome = checks.run(family(ResidentIdNumber.of("110105197802030012"), List.of(
                member(ResidentIdNumber.of("410102198005170027"), SPOUSE),
                member(ResidentIdNumber.of("110105200408220031"), CHILD),
                member(ResidentIdNumber.of("110105195001010012"), PARENT),
                member(ResidentIdNumber.of("11010219520707002X"), PARENT_IN_LAW)), 3, NOV_27_2026), POLICY_2023);

        assertThat(outcome.failedChecks()).isEmpty();
        assertThat(outcome.passed()).isTrue();
    }

    @Test
    void passesTheSampleEnterpriseAndRejectsTheOneBelowTheMinimum() {
        assertThat(checks.run(enterprise(UnifiedSocialCreditCode.of("91110105MA01ABCD13"), NOV_27_2026), POLICY_2023)
                .passed()).isTrue();
        assertThat(checks.run(enterprise(UnifiedSocialCreditCode.of("91110108MA02EFGH2T"), NOV_27_2026), POLICY_2023)
                .failedChecks()).extracting(FailedCheck::reason)
                .containsExactly(RejectionReason.ENTERPRISE_TAX_BELOW_MINIMUM);
    }

    @Test
    void knowsNothingOfAPersonOrEnterpriseAbsentFromTheFile() {
        ResidentIdNumber absent = ResidentIdNumber.of("110101199001011237");
        UnifiedSocialCreditCode absentEnterprise = UnifiedSocialCreditCode.of("91110101MA03JKLM32");

        assertThat(checks.run(individual(absent, NOV_27_2026), POLICY_2023).failedChecks())
                .extracting(FailedCheck::registry, FailedCheck::reason)
                .containsExactlyInAnyOrder(
                        tuple(DRIVING_LICENCE, RejectionReason.NOT_IN_REGISTRY),
                        tuple(CAR_OWNERSHIP, RejectionReason.NOT_IN_REGISTRY),
                        tuple(RESIDENCE, RejectionReason.NOT_IN_REGISTRY),
                        tuple(SOCIAL_INSURANCE, RejectionReason.NOT_IN_REGISTRY),
                        tuple(INCOME_TAX, RejectionReason.NOT_IN_REGISTRY));
        assertThat(checks.run(enterprise(absentEnterprise, NOV_27_2026), POLICY_2023).failedChecks())
                .extracting(FailedCheck::registry, FailedCheck::reason)
                .containsExactly(tuple(ENTERPRISE_TAX, RejectionReason.NOT_IN_REGISTRY));
    }

    @Test
    void usesTheShippedSampleWhenNoFileIsConfigured() {
        assertThat(FileRegistry.load("").labels()).isEqualTo(sample.labels());
        assertThat(FileRegistry.load(null).labels()).isEqualTo(sample.labels());
    }

    @Test
    void readsAFileFromTheFilesystemWithAMissingSectionMeaningNoRecord(@TempDir Path dir) throws IOException {
        ResidentIdNumber id = ResidentIdNumber.of("110101198503120017");
        Path file = Files.writeString(dir.resolve("registry.json"), """
                { "persons": [ { "idNumber": "110101198503120017", "label": "only a licence and insurance",
                                 "socialInsurance": [ {"from": "2019-01", "to": "2024-06"}, {"from": "2025-01"} ],
                                 "drivingLicenceValidUntil": "2030-01-31" } ] }
                """);

        FileRegistry registry = FileRegistry.load(file.toString());

        assertThat(registry.drivingLicence(id)).contains(new DrivingLicenceRecord(LocalDate.of(2030, 1, 31)));
        assertThat(registry.socialInsurance(id)).hasValueSatisfying(record -> {
            assertThat(record.paidIn(YearMonth.of(2024, 6))).isTrue();
            assertThat(record.paidIn(YearMonth.of(2024, 7))).isFalse();
            assertThat(record.paidIn(YearMonth.of(2040, 1))).isTrue();
        });
        assertThat(registry.incomeTax(id)).isEmpty();
        assertThat(registry.residence(id)).isEmpty();
        assertThat(registry.carOwnership(id)).isEmpty();
        assertThat(registry.enterpriseTax(UnifiedSocialCreditCode.of("91110105MA01ABCD13"))).isEmpty();
    }

    @Test
    void refusesAFileWithAMisspelledSectionRatherThanReadItAsNoRecord(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("registry.json"),
                "{ \"persons\": [ { \"idNumber\": \"110101198503120017\", \"drivingLicenseValidUntil\": \"2030-01-31\" } ] }");

        assertThatThrownBy(() -> FileRegistry.load(file.toString())).hasMessageContaining("drivingLicenseValidUntil");
    }

    @Test
    void refusesAnInvalidIdNumberWithoutEchoingIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("registry.json"),
                "{ \"persons\": [ { \"idNumber\": \"110101198503120018\" } ] }");

        assertThatThrownBy(() -> FileRegistry.load(file.toString()))
                .hasMessageContaining("check character")
                .hasMessageNotContaining("110101198503120018");
    }

    @Test
    void theContractDocumentListsEverySampleSubjectWithItsLabel() throws IOException {
        Path doc = Path.of(System.getProperty("basedir", "."), "..", "docs", "registry-contract.md");
        List<String> lines = Files.readAllLines(doc);

        assertThat(sample.labels()).allSatisfy((key, label) -> assertThat(lines)
                .as("a table row for %s", key)
                .anyMatch(line -> line.contains("`" + key + "`") && line.contains(label)));
    }
}
