package org.yaohao.kernel.population;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.RejectionReason;
import org.yaohao.kernel.application.Relation;
import org.yaohao.kernel.common.Channel;
import org.yaohao.kernel.common.District;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SyntheticPopulationTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 28);
    private static final SyntheticPopulation POPULATION = SyntheticPopulation.generate(2023, 20_000, DAY);

    @Test
    void sameSeedGivesTheSamePopulationAndRegistryByteForByte() throws Exception {
        SyntheticPopulation again = SyntheticPopulation.generate(2023, 20_000, DAY);

        assertThat(requests(again)).isEqualTo(requests(POPULATION));
        assertThat(registry(again)).isEqualTo(registry(POPULATION));
    }

    @Test
    void anotherSeedGivesAnotherPopulation() {
        SyntheticPopulation other = SyntheticPopulation.generate(2024, 20_000, DAY);

        assertThat(requests(other).get(0)).isNotEqualTo(requests(POPULATION).get(0));
        assertThat(shareOf(other, a -> !a.expectedToPass())).isCloseTo(0.12, within(0.01));
    }

    @Test
    void idNumbersAreValidUniqueAndMatchTheBirthDate() {
        Set<String> ids = new HashSet<>();
        Set<String> phones = new HashSet<>();
        Set<String> creditCodes = new HashSet<>();
        for (SyntheticApplicant applicant : POPULATION.applicants()) {
            for (SyntheticPerson person : people(applicant)) {
                ResidentIdNumber id = ResidentIdNumber.of(person.idNumber()); // throws on a wrong check character
                assertThat(id.birthDate()).isEqualTo(person.birthDate()).isBefore(DAY);
                assertThat(ids.add(person.idNumber())).as("unique ID number").isTrue();
                assertThat(person.name()).isNotBlank().hasSizeLessThanOrEqualTo(50);
                if (person.phone() != null) {
                    assertThat(person.phone()).matches("1[3-9]\\d{9}");
                    assertThat(phones.add(person.phone())).as("unique phone").isTrue();
                }
            }
            if (applicant.enterprise() != null) {
                UnifiedSocialCreditCode.of(applicant.enterprise().creditCode());
                assertThat(creditCodes.add(applicant.enterprise().creditCode())).isTrue();
                assertThat(applicant.enterprise().requestedQuotas()).isBetween(1, 5);
                assertThat(applicant.enterprise().taxPaidLastYearYuan()).isGreaterThanOrEqualTo(500_000);
            }
        }
        assertThat(ids.size()).isGreaterThan(25_000);
    }

    @Test
    void sharesFollowTheGuideAndTheStatedAssumptions() {
        assertThat(shareOf(POPULATION, a -> a.channel() == Channel.APP)).isCloseTo(0.65, within(0.015));
        assertThat(shareOf(POPULATION, a -> a.channel() == Channel.COUNTER)).isCloseTo(0.10, within(0.01));
        assertThat(shareOf(POPULATION, a -> !a.expectedToPass())).isCloseTo(0.12, within(0.01));
        assertThat(shareOf(POPULATION, a -> a.kind() == ApplicantKind.INDIVIDUAL)).isCloseTo(0.78, within(0.015));
        assertThat(shareOf(POPULATION, a -> a.kind() == ApplicantKind.FAMILY)).isCloseTo(0.20, within(0.015));
        assertThat(shareOf(POPULATION, a -> a.kind() == ApplicantKind.ENTERPRISE)).isCloseTo(0.02, within(0.005));
        // counters in all 16 districts, Chaoyang busier than Yanqing
        Set<District> districts = new HashSet<>();
        POPULATION.applicants().stream().filter(a -> a.channel() == Channel.COUNTER)
                .forEach(a -> districts.add(a.district()));
        assertThat(districts).hasSize(16);
        assertThat(shareOf(POPULATION, a -> a.district() == District.CHAOYANG))
                .isGreaterThan(3 * shareOf(POPULATION, a -> a.district() == District.YANQING));
        // mostly a gap in social insurance or an expired residence permit
        var rejections = POPULATION.expectedRejections();
        int failing = rejections.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(rejections.get(RejectionReason.SOCIAL_INSURANCE_GAP)
                   + rejections.get(RejectionReason.RESIDENCE_PERMIT_EXPIRED)).isGreaterThan(failing / 2);
        assertThat(rejections.keySet()).contains(RejectionReason.values());
    }

    @Test
    void familiesHaveOneToThreeGenerationsMatchingTheirRelations() {
        Set<Integer> generations = new HashSet<>();
        for (SyntheticApplicant family : POPULATION.applicants()) {
            if (family.kind() != ApplicantKind.FAMILY) {
                continue;
            }
            assertThat(family.members()).isNotEmpty();
            assertThat(family.members().stream().filter(m -> m.relation() == Relation.SPOUSE)).hasSizeLessThan(2);
            boolean below = family.members().stream().anyMatch(m -> m.relation() == Relation.CHILD);
            boolean above = family.members().stream().anyMatch(m -> m.relation() == Relation.PARENT
                                                                    || m.relation() == Relation.PARENT_IN_LAW);
            assertThat(family.generations()).isEqualTo(1 + (below ? 1 : 0) + (above ? 1 : 0));
            generations.add(family.generations());
            for (SyntheticPerson member : family.members()) {
                if (member.relation() == Relation.CHILD) {
                    assertThat(member.birthDate()).isAfter(family.applicant().birthDate());
                }
                if (member.relation() == Relation.PARENT) {
                    assertThat(member.birthDate()).isBefore(family.applicant().birthDate());
                }
            }
        }
        assertThat(generations).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void registryFileListsEveryoneKnownToTheRegistriesAndNoOneElse() throws Exception {
        JsonNode file = new ObjectMapper().readTree(registry(POPULATION));
        Set<String> listed = new HashSet<>();
        file.get("persons").forEach(p -> listed.add(p.get("idNumber").asText()));
        for (SyntheticApplicant applicant : POPULATION.applicants()) {
            for (SyntheticPerson person : people(applicant)) {
                assertThat(listed.contains(person.idNumber())).isEqualTo(person.registry() != null);
            }
        }
        assertThat(file.get("enterprises").size()).isPositive();
    }

    @Test
    void requestsCarryNoPersonalDataInTheirToString() {
        SyntheticApplicant first = POPULATION.applicants().stream()
                .filter(a -> a.kind() == ApplicantKind.FAMILY).findFirst().orElseThrow();
        assertThat(first.requestJson()).contains(first.applicant().idNumber(), "\"generations\":");
        assertThat(first.toString()).doesNotContain(first.applicant().idNumber(), first.applicant().name());
        assertThat(first.applicant().toString()).doesNotContain(first.applicant().idNumber());
    }

    private static List<SyntheticPerson> people(SyntheticApplicant applicant) {
        List<SyntheticPerson> people = new java.util.ArrayList<>(applicant.members());
        if (applicant.applicant() != null) {
            people.add(0, applicant.applicant());
        }
        return people;
    }

    private static double shareOf(SyntheticPopulation population, Predicate<SyntheticApplicant> which) {
        return population.applicants().stream().filter(which).count() / (double) population.applicants().size();
    }

    private static List<String> requests(SyntheticPopulation population) {
        return population.applicants().stream().map(SyntheticApplicant::requestJson).toList();
    }

    private static byte[] registry(SyntheticPopulation population) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        population.writeRegistry(out);
        return out.toByteArray();
    }
}
