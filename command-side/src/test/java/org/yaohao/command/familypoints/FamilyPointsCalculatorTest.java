package org.yaohao.command.familypoints;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.familypoints.FamilyComposition;
import org.yaohao.kernel.familypoints.FamilyComposition.Member;
import org.yaohao.kernel.familypoints.FamilyComposition.Role;
import org.yaohao.kernel.familypoints.FamilyPoints;
import org.yaohao.kernel.familypoints.FamilyPoints.Term;
import org.yaohao.kernel.policy.FamilyPointsRule;
import org.yaohao.kernel.policy.Policy;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Both formulas against the shipped policies, term by term, and the shape rules naming their field. */
class FamilyPointsCalculatorTest {

    private static Policy guide;
    private static Policy municipal;
    private final FamilyPointsCalculator calculator = new FamilyPointsCalculator();

    @BeforeAll
    static void loadShippedPolicies() {
        PolicyCatalog catalog = PolicyCatalog.load(null, "2023-guide");
        guide = catalog.version("2023-guide");
        municipal = catalog.version("beijing-2021");
    }

    private static Member adult(Role role, int insuranceYears) {
        return new Member(role, true, insuranceYears, 0);
    }

    private static Member minor(Role role, int insuranceYears) {
        return new Member(role, false, insuranceYears, 0);
    }

    private static Member stepped(Role role, int steps) {
        return new Member(role, true, 0, steps);
    }

    private static FamilyComposition family(int generations, Member... members) {
        return new FamilyComposition(generations, List.of(members), 0, 0);
    }

    // --- 2023 guide

    @Test
    void scoresTheGuidesTypicalFamilyOfThreeTermByTerm() {
        FamilyPoints points = calculator.calculate(
                family(2, adult(Role.MAIN, 10), adult(Role.SPOUSE, 3), minor(Role.CHILD, 0)), guide);

        assertThat(points.policyVersion()).isEqualTo("2023-guide");
        assertThat(points.formula()).isEqualTo("GUIDE_2023");
        assertThat(points.totalTenths()).isEqualTo(636);
        assertThat(points.total()).isEqualTo("63.6");
        assertThat(points.terms()).containsExactly(
                new Term("base points (2 generations)", "20 + 15 × 2 generations", 500),
                new Term("main applicant's social insurance (members[0])", "1 × 10 years", 100),
                new Term("spouse's social insurance (members[1])", "1.2 × 3 years", 36),
                new Term("child (members[2]), a minor", "0: only adults' insurance years count", 0),
                new Term("rounds entered without winning", "1 × 0 rounds", 0));
    }

    @ParameterizedTest(name = "{0} generation(s) → {1} base points")
    @CsvSource({"1, 350", "2, 500", "3, 650"})
    void baseGrowsByFifteenPerGeneration(int generations, long baseTenths) {
        FamilyPoints points = calculator.calculate(family(generations, adult(Role.MAIN, 0), adult(Role.PARENT, 0)),
                guide);

        assertThat(points.terms().get(0).tenths()).isEqualTo(baseTenths);
        assertThat(points.totalTenths()).isEqualTo(baseTenths);
    }

    @Test
    void weighsTheSpousesYearsTwentyPercentMoreThanTheMainApplicants() {
        long main = calculator.calculate(family(1, adult(Role.MAIN, 5), adult(Role.SPOUSE, 0)), guide).totalTenths();
        long spouse = calculator.calculate(family(1, adult(Role.MAIN, 0), adult(Role.SPOUSE, 5)), guide).totalTenths();

        assertThat(main - 350).isEqualTo(50);
        assertThat(spouse - 350).isEqualTo(60);
        assertThat(calculator.calculate(family(1, adult(Role.MAIN, 0), adult(Role.SPOUSE, 7)), guide).total())
                .isEqualTo("43.4");
    }

    @Test
    void countsOnlyAdultsAsOtherAdults() {
        FamilyPoints points = calculator.calculate(family(3, adult(Role.MAIN, 0), adult(Role.PARENT, 6),
                adult(Role.CHILD, 3), minor(Role.CHILD, 3)), guide);

        assertThat(points.terms()).extracting(Term::label, Term::tenths).containsSubsequence(
                tuple("social insurance of an adult parent (members[1])", 30L),
                tuple("social insurance of an adult child (members[2])", 15L),
                tuple("child (members[3]), a minor", 0L));
        assertThat(points.total()).isEqualTo("69.5");
    }

    @Test
    void addsOnePointPerRoundEnteredWithoutWinning() {
        FamilyPoints points = calculator.calculate(new FamilyComposition(2,
                List.of(adult(Role.MAIN, 10), adult(Role.SPOUSE, 3), minor(Role.CHILD, 0)), 4, 0), guide);

        assertThat(points.terms().get(points.terms().size() - 1))
                .isEqualTo(new Term("rounds entered without winning", "1 × 4 rounds", 40));
        assertThat(points.total()).isEqualTo("67.6");
    }

    @Test
    void totalIsAlwaysTheSumOfItsTerms() {
        FamilyPoints points = calculator.calculate(new FamilyComposition(3, List.of(adult(Role.MAIN, 13),
                adult(Role.SPOUSE, 9), adult(Role.PARENT_IN_LAW, 21), minor(Role.CHILD, 0)), 7, 2), guide);

        assertThat(points.terms().stream().mapToLong(Term::tenths).sum()).isEqualTo(points.totalTenths());
        assertThat(points.total()).isEqualTo(FamilyPoints.format(points.totalTenths())).isEqualTo("106.3");
    }

    // --- municipal formula

    /**
     * The rule book's example: a 3-generation family of 8 with 4 members at step 5 scores
     * [(5+2+5+1)×2+5+1+5+1+1+1+1+1]×3 = 126 — main 2+5, spouse 1+5, two parents 1+5 each, four others 1.
     */
    @Test
    void scoresTheRuleBooksMunicipalExampleAt126() {
        FamilyPoints points = calculator.calculate(family(3, stepped(Role.MAIN, 5), stepped(Role.SPOUSE, 5),
                stepped(Role.PARENT, 5), stepped(Role.PARENT, 5), stepped(Role.PARENT_IN_LAW, 0),
                stepped(Role.PARENT_IN_LAW, 0), new Member(Role.CHILD, false, 0, 0),
                new Member(Role.CHILD, false, 0, 0)), municipal);

        assertThat(points.policyVersion()).isEqualTo("beijing-2021");
        assertThat(points.formula()).isEqualTo("MUNICIPAL_2021");
        assertThat(points.totalTenths()).isEqualTo(1260);
        assertThat(points.total()).isEqualTo("126.0");
        assertThat(points.terms()).containsExactly(
                new Term("main applicant (members[0])", "(2 + 1 × 5 steps + 1 × 0 years applied) × 2 × 3 generations", 420),
                new Term("spouse (members[1])", "(1 + 1 × 5 steps + 1 × 0 years applied) × 2 × 3 generations", 360),
                new Term("parent (members[2])", "(1 + 1 × 5 steps + 1 × 0 years applied) × 3 generations", 180),
                new Term("parent (members[3])", "(1 + 1 × 5 steps + 1 × 0 years applied) × 3 generations", 180),
                new Term("parent-in-law (members[4])", "(1 + 1 × 0 steps + 1 × 0 years applied) × 3 generations", 30),
                new Term("parent-in-law (members[5])", "(1 + 1 × 0 steps + 1 × 0 years applied) × 3 generations", 30),
                new Term("child (members[6])", "(1 + 1 × 0 steps + 1 × 0 years applied) × 3 generations", 30),
                new Term("child (members[7])", "(1 + 1 × 0 steps + 1 × 0 years applied) × 3 generations", 30));
    }

    @Test
    void doesNotDoubleTheMainApplicantWithoutASpouse() {
        FamilyPoints points = calculator.calculate(family(2, stepped(Role.MAIN, 3), stepped(Role.CHILD, 1)),
                municipal);

        // (main + Σ others) × generations = ((2 + 3) + (1 + 1)) × 2 = 14
        assertThat(points.terms()).extracting(Term::expression, Term::tenths).containsExactly(
                tuple("(2 + 1 × 3 steps + 1 × 0 years applied) × 2 generations", 100L),
                tuple("(1 + 1 × 1 step + 1 × 0 years applied) × 2 generations", 40L));
        assertThat(points.total()).isEqualTo("14.0");
    }

    @Test
    void addsTheYearsAppliedToEveryMember() {
        FamilyPoints points = calculator.calculate(new FamilyComposition(1,
                List.of(stepped(Role.MAIN, 0), stepped(Role.SPOUSE, 0), stepped(Role.CHILD, 0)), 0, 2), municipal);

        // [(2 + 2) + (1 + 2)] × 2 + (1 + 2) = 17, one generation
        assertThat(points.total()).isEqualTo("17.0");
    }

    @Test
    void capsGenerationsAtThePolicysMaximum() {
        Policy capped = withFamilyPoints(municipal, new FamilyPointsRule(FamilyPointsRule.Formula.MUNICIPAL_2021,
                null, new FamilyPointsRule.Municipal(2, 1, 1, 1, 2)));

        FamilyPoints points = calculator.calculate(family(3, stepped(Role.MAIN, 0), stepped(Role.PARENT, 0)), capped);

        assertThat(points.terms()).extracting(Term::expression).containsExactly(
                "(2 + 1 × 0 steps + 1 × 0 years applied) × 2 generations (3 stated, capped at 2)",
                "(1 + 1 × 0 steps + 1 × 0 years applied) × 2 generations (3 stated, capped at 2)");
        assertThat(points.total()).isEqualTo("6.0");
        assertThat(municipal.familyPoints().municipal().maxGenerations()).isEqualTo(3);
        assertThat(calculator.calculate(family(3, stepped(Role.MAIN, 0), stepped(Role.PARENT, 0)), municipal)
                .total()).isEqualTo("9.0");
    }

    private static Policy withFamilyPoints(Policy p, FamilyPointsRule rule) {
        return new Policy(p.version() + "-test", p.socialInsuranceMonths(), p.incomeTaxYears(),
                p.enterpriseMinimumTaxYuan(), p.enterpriseMaximumQuotas(), p.prequalificationDeadline(),
                p.registryRetryInterval(), p.depositOrdinaryYuan(), p.depositNewEnergyYuan(), p.depositInstalments(),
                p.refundWorkingDays(), p.rounds(), p.lotteryWeights(), rule, p.quotaValidityMonths(), p.annualQuotas());
    }

    // --- the family's shape

    private DomainException refusal(FamilyComposition family) {
        return catchThrowableOfType(() -> calculator.calculate(family, guide), DomainException.class);
    }

    @Test
    void refusesAFamilyWithoutAMainApplicant() {
        DomainException e = refusal(family(2, adult(Role.SPOUSE, 1), minor(Role.CHILD, 0)));

        assertThat(e.details().code()).isEqualTo(ErrorCode.INVALID_VALUE);
        assertThat(e.details().field()).isEqualTo("members");
    }

    @Test
    void refusesASecondMainApplicantNamingItsRole() {
        DomainException e = refusal(family(1, adult(Role.MAIN, 1), adult(Role.MAIN, 1)));

        assertThat(e.details().code()).isEqualTo(ErrorCode.INVALID_VALUE);
        assertThat(e.details().field()).isEqualTo("members[1].role");
    }

    @Test
    void refusesASecondSpouseNamingItsRole() {
        DomainException e = refusal(family(1, adult(Role.MAIN, 1), adult(Role.SPOUSE, 1), adult(Role.SPOUSE, 1)));

        assertThat(e.details().code()).isEqualTo(ErrorCode.INVALID_VALUE);
        assertThat(e.details().field()).isEqualTo("members[2].role");
    }

    @ParameterizedTest(name = "{0} generations")
    @CsvSource({"0", "4", "-1"})
    void refusesGenerationsOutsideOneToThree(int generations) {
        DomainException e = refusal(family(generations, adult(Role.MAIN, 1), adult(Role.SPOUSE, 1)));

        assertThat(e.details().code()).isEqualTo(ErrorCode.INVALID_VALUE);
        assertThat(e.details().field()).isEqualTo("generations");
    }

    @Test
    void refusesAFamilyOfOne() {
        DomainException e = refusal(family(1, adult(Role.MAIN, 1)));

        assertThat(e.details().code()).isEqualTo(ErrorCode.INVALID_VALUE);
        assertThat(e.details().field()).isEqualTo("members");
    }

    @Test
    void refusesNegativeCountsNamingTheField() {
        assertThat(refusal(family(2, adult(Role.MAIN, 1), adult(Role.SPOUSE, 1), adult(Role.CHILD, -2)))
                .details().field()).isEqualTo("members[2].socialInsuranceYears");
        assertThat(refusal(family(2, adult(Role.MAIN, 1), new Member(Role.SPOUSE, true, 0, -1)))
                .details().field()).isEqualTo("members[1].lotterySteps");
        assertThat(refusal(new FamilyComposition(2, List.of(adult(Role.MAIN, 1), adult(Role.SPOUSE, 1)), -1, 0))
                .details().field()).isEqualTo("roundsEnteredWithoutWinning");
        assertThat(refusal(new FamilyComposition(2, List.of(adult(Role.MAIN, 1), adult(Role.SPOUSE, 1)), 0, -3))
                .details().field()).isEqualTo("fullYearsApplied");
    }

    @Test
    void listsEveryBrokenRuleInTheOrderOfTheRequest() {
        assertThat(FamilyPointsCalculator.problems(new FamilyComposition(5,
                List.of(adult(Role.SPOUSE, -1), adult(Role.SPOUSE, 0)), 0, 0)))
                .extracting(d -> d.field())
                .containsExactly("generations", "members[0].socialInsuranceYears", "members[1].role", "members");
    }

    @Test
    void refusesAMemberWithoutARoleWithoutGuessingTheMainApplicant() {
        assertThat(FamilyPointsCalculator.problems(family(2, new Member(null, true, 0, 0), adult(Role.CHILD, 0))))
                .extracting(d -> d.field(), d -> d.code())
                .containsExactly(tuple("members[0].role", ErrorCode.MISSING_FIELD));
    }
}
