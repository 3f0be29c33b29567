package org.yaohao.command.familypoints;

import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.ErrorDetails;
import org.yaohao.kernel.familypoints.FamilyComposition;
import org.yaohao.kernel.familypoints.FamilyComposition.Member;
import org.yaohao.kernel.familypoints.FamilyComposition.Role;
import org.yaohao.kernel.familypoints.FamilyPoints;
import org.yaohao.kernel.familypoints.FamilyPoints.Term;
import org.yaohao.kernel.policy.FamilyPointsRule;
import org.yaohao.kernel.policy.Policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A family's points under a policy, every term of the sum shown. Pure: no clock, no I/O, no Spring. All arithmetic
 * is in integer tenths of a point (points keep one decimal); no floating point.
 * <p>
 * <b>2023 guide</b> ({@link FamilyPointsRule.Formula#GUIDE_2023}, rule book "Family points — 2023 policy, reading of
 * the guide"): "base points = 20 + 15 × generations (1 generation 35, 2 generations 50, 3 generations 65); plus
 * 1.0 point per year of social insurance of the main applicant, 1.2 per year of the spouse (20% more), 0.5 per year
 * of each other adult member; plus 1 point for every round the family entered without winning." Every number comes
 * from {@link FamilyPointsRule.Guide}, in tenths. Minors' insurance years do not count.
 * <p>
 * <b>Municipal</b> ({@link FamilyPointsRule.Formula#MUNICIPAL_2021}, rule book "The municipal family-points
 * formula"): "Main applicant 2 base points, every other member 1; each member adds 1 per lottery step held and 1 per
 * full year the family has applied; total = [(main + spouse) × 2 + Σ others] × generations (spouse absent:
 * (main + Σ others) × generations), generations capped at 3." The coefficients of {@link FamilyPointsRule.Municipal}
 * are whole points. Each member is one term, its multipliers included, so the terms still add up to the total:
 * the rule book's 3-generation family of 8 scores 42 + 36 + 18 + 18 + 3 + 3 + 3 + 3 = 126.
 * <p>
 * A family breaking a rule of its shape is refused with a {@link DomainException} naming the JSON field of the
 * request ({@code generations}, {@code members}, {@code members[2].socialInsuranceYears}, …): exactly one MAIN, at
 * most one SPOUSE, generations 1–3, at least 2 members, no negative count.
 */
public class FamilyPointsCalculator {

    static final int MIN_GENERATIONS = 1;
    static final int MAX_GENERATIONS = 3;
    static final int MIN_MEMBERS = 2;

    /** The family's points under the policy's formula; refuses a family of the wrong shape. */
    public FamilyPoints calculate(FamilyComposition family, Policy policy) {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(policy, "policy");
        List<ErrorDetails> problems = problems(family);
        if (!problems.isEmpty()) {
            ErrorDetails first = problems.get(0);
            throw new DomainException(first.code(), first.field(), first.detail());
        }
        FamilyPointsRule rule = Objects.requireNonNull(policy.familyPoints(),
                () -> "policy " + policy.version() + " has no family points rule");
        List<Term> terms = switch (rule.formula()) {
            case GUIDE_2023 -> guide(family, required(rule.guide(), policy, "guide"));
            case MUNICIPAL_2021 -> municipal(family, required(rule.municipal(), policy, "municipal"));
        };
        return FamilyPoints.of(policy.version(), rule.formula().name(), terms);
    }

    /**
     * Every rule of the family's shape it breaks, each naming its JSON field, in the order of the request. A member
     * without a role is reported as such; whether there is a main applicant is then not judged.
     */
    static List<ErrorDetails> problems(FamilyComposition family) {
        List<ErrorDetails> problems = new ArrayList<>();
        if (family.generations() < MIN_GENERATIONS || family.generations() > MAX_GENERATIONS) {
            problems.add(invalid("generations", "'generations' is " + MIN_GENERATIONS + " to " + MAX_GENERATIONS));
        }
        List<Member> members = family.members();
        if (members.size() < MIN_MEMBERS) {
            problems.add(invalid("members", "'members' lists at least " + MIN_MEMBERS
                    + " members: the main applicant and one more"));
        }
        int mainAt = -1;
        int spouseAt = -1;
        boolean everyRoleKnown = true;
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            String at = "members[" + i + "]";
            if (member.role() == null) {
                everyRoleKnown = false;
                problems.add(new ErrorDetails(ErrorCode.MISSING_FIELD, at + ".role", "'" + at + ".role' is required",
                        Map.of()));
            } else if (member.role() == Role.MAIN) {
                if (mainAt >= 0) {
                    problems.add(invalid(at + ".role", "'" + at + ".role' is MAIN, but members[" + mainAt
                            + "] is already the main applicant; a family has exactly one"));
                } else {
                    mainAt = i;
                }
            } else if (member.role() == Role.SPOUSE) {
                if (spouseAt >= 0) {
                    problems.add(invalid(at + ".role", "'" + at + ".role' is SPOUSE, but members[" + spouseAt
                            + "] is already the spouse; a family has at most one"));
                } else {
                    spouseAt = i;
                }
            }
            if (member.socialInsuranceYears() < 0) {
                problems.add(negative(at + ".socialInsuranceYears"));
            }
            if (member.lotterySteps() < 0) {
                problems.add(negative(at + ".lotterySteps"));
            }
        }
        if (mainAt < 0 && everyRoleKnown && !members.isEmpty()) {
            problems.add(invalid("members", "exactly one of 'members' has the role MAIN; none has"));
        }
        if (family.roundsEnteredWithoutWinning() < 0) {
            problems.add(negative("roundsEnteredWithoutWinning"));
        }
        if (family.fullYearsApplied() < 0) {
            problems.add(negative("fullYearsApplied"));
        }
        return problems;
    }

    private static List<Term> guide(FamilyComposition family, FamilyPointsRule.Guide guide) {
        List<Term> terms = new ArrayList<>();
        int generations = family.generations();
        terms.add(new Term("base points (" + generations + (generations == 1 ? " generation)" : " generations)"),
                points(guide.baseTenths()) + " + " + points(guide.perGenerationTenths()) + " × " + generations
                        + " generations",
                plus(guide.baseTenths(), times(guide.perGenerationTenths(), generations))));
        List<Member> members = family.members();
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            String at = "members[" + i + "]";
            switch (member.role()) {
                case MAIN -> terms.add(insurance("main applicant's social insurance (" + at + ")",
                        guide.mainPerYearTenths(), member.socialInsuranceYears()));
                case SPOUSE -> terms.add(insurance("spouse's social insurance (" + at + ")",
                        guide.spousePerYearTenths(), member.socialInsuranceYears()));
                default -> terms.add(member.adult()
                        ? insurance("social insurance of an adult " + name(member.role()) + " (" + at + ")",
                                guide.otherAdultPerYearTenths(), member.socialInsuranceYears())
                        : new Term(name(member.role()) + " (" + at + "), a minor",
                                "0: only adults' insurance years count", 0));
            }
        }
        int rounds = family.roundsEnteredWithoutWinning();
        terms.add(new Term("rounds entered without winning",
                points(guide.perRoundWithoutWinningTenths()) + " × " + rounds + (rounds == 1 ? " round" : " rounds"),
                times(guide.perRoundWithoutWinningTenths(), rounds)));
        return terms;
    }

    private static Term insurance(String label, int perYearTenths, int years) {
        return new Term(label, points(perYearTenths) + " × " + years + (years == 1 ? " year" : " years"),
                times(perYearTenths, years));
    }

    private static List<Term> municipal(FamilyComposition family, FamilyPointsRule.Municipal municipal) {
        int generations = Math.min(family.generations(), municipal.maxGenerations());
        String generationFactor = " × " + generations + (generations == 1 ? " generation" : " generations")
                + (generations < family.generations()
                ? " (" + family.generations() + " stated, capped at " + municipal.maxGenerations() + ")" : "");
        boolean spousePresent = family.members().stream().anyMatch(m -> m.role() == Role.SPOUSE);
        int years = family.fullYearsApplied();
        List<Term> terms = new ArrayList<>();
        List<Member> members = family.members();
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            boolean main = member.role() == Role.MAIN;
            int base = main ? municipal.mainBase() : municipal.otherBase();
            int steps = member.lotterySteps();
            long memberPoints = plus(plus(base, times(municipal.perStep(), steps)),
                    times(municipal.perYearApplied(), years));
            int couple = spousePresent && (main || member.role() == Role.SPOUSE) ? 2 : 1;
            String label = main ? "main applicant (members[" + i + "])"
                    : name(member.role()) + " (members[" + i + "])";
            String expression = "(" + base + " + " + municipal.perStep() + " × " + steps
                    + (steps == 1 ? " step" : " steps") + " + " + municipal.perYearApplied() + " × " + years
                    + (years == 1 ? " year applied)" : " years applied)")
                    + (couple == 2 ? " × 2" : "") + generationFactor;
            terms.add(new Term(label, expression, times(times(times(memberPoints, 10), couple), generations)));
        }
        return terms;
    }

    private static <T> T required(T part, Policy policy, String name) {
        if (part == null) {
            throw new IllegalStateException("policy " + policy.version() + " uses the formula "
                    + policy.familyPoints().formula() + " but has no '" + name + "' coefficients");
        }
        return part;
    }

    /** Tenths as points, without a needless decimal: 200 → "20", 12 → "1.2", 5 → "0.5". */
    static String points(long tenths) {
        String text = FamilyPoints.format(tenths);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    private static String name(Role role) {
        return role.name().toLowerCase().replace('_', '-');
    }

    private static long times(long a, long b) {
        return Math.multiplyExact(a, b);
    }

    private static long plus(long a, long b) {
        return Math.addExact(a, b);
    }

    private static ErrorDetails invalid(String field, String detail) {
        return new ErrorDetails(ErrorCode.INVALID_VALUE, field, detail, Map.of());
    }

    private static ErrorDetails negative(String field) {
        return invalid(field, "'" + field + "' cannot be negative");
    }
}
