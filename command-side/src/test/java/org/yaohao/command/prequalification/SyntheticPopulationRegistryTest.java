package org.yaohao.command.prequalification;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.Enterprise;
import org.yaohao.kernel.application.FailedCheck;
import org.yaohao.kernel.application.FamilyMember;
import org.yaohao.kernel.application.Person;
import org.yaohao.kernel.application.RejectionReason;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;
import org.yaohao.kernel.population.SyntheticApplicant;
import org.yaohao.kernel.population.SyntheticPerson;
import org.yaohao.kernel.population.SyntheticPopulation;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthetic population's registry file, read by the real {@link FileRegistry} and judged by the real
 * {@link PrequalificationChecks}: every application the generator meant to pass passes, every one it meant to fail
 * fails for that reason only (an unknown person fails every registry asked, for the same reason), also when submitted months later (the demo's clock moves on).
 */
class SyntheticPopulationRegistryTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 28);

    @TempDir
    Path dir;

    @Test
    void theSystemDecidesAsThePopulationIntendsOnTheDayAndTenMonthsLater() {
        SyntheticPopulation population = SyntheticPopulation.generate(7, 5_000, DAY);
        Path file = dir.resolve("registry.json");
        population.writeRegistry(file);
        PrequalificationChecks checks = new PrequalificationChecks(FileRegistry.load(file.toString()));

        for (LocalDate day : List.of(DAY, DAY.plusMonths(10))) {
            Instant at = day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
            Map<RejectionReason, Integer> rejected = new EnumMap<>(RejectionReason.class);
            for (SyntheticApplicant applicant : population.applicants()) {
                CheckOutcome outcome = checks.run(submitted(applicant, at), Applications.POLICY_2023);

                assertThat(outcome.complete()).isTrue();
                if (applicant.expectedToPass()) {
                    assertThat(outcome.passed()).as("%s on %s: %s", applicant, day, outcome.failedChecks()).isTrue();
                } else {
                    assertThat(outcome.failedChecks()).as("%s on %s", applicant, day)
                            .isNotEmpty().extracting(FailedCheck::reason).containsOnly(applicant.expectedRejection());
                    rejected.merge(applicant.expectedRejection(), 1, Integer::sum);
                }
            }
            assertThat(rejected).isEqualTo(population.expectedRejections());
        }
    }

    private static ApplicationSubmittedEvent submitted(SyntheticApplicant applicant, Instant at) {
        Enterprise enterprise = applicant.enterprise() == null ? null
                : new Enterprise(UnifiedSocialCreditCode.of(applicant.enterprise().creditCode()),
                                 applicant.enterprise().name(), applicant.enterprise().taxPaidLastYearYuan(),
                                 applicant.enterprise().requestedQuotas());
        List<FamilyMember> members = applicant.members().stream()
                .map(m -> new FamilyMember(person(m), m.relation())).toList();
        return new ApplicationSubmittedEvent(ApplicationCode.random(), applicant.kind(), applicant.quotaType(),
                                             applicant.applicant() == null ? null : person(applicant.applicant()),
                                             members, applicant.generations(), enterprise, List.of(), at,
                                             Applications.POLICY_2023.version());
    }

    private static Person person(SyntheticPerson person) {
        return new Person(ResidentIdNumber.of(person.idNumber()), person.name(), person.phone());
    }
}
