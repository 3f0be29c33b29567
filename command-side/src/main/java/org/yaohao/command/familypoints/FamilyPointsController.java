package org.yaohao.command.familypoints;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.command.web.Violations;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.ErrorDetails;
import org.yaohao.kernel.familypoints.FamilyComposition;
import org.yaohao.kernel.familypoints.FamilyComposition.Member;
import org.yaohao.kernel.familypoints.FamilyComposition.Role;
import org.yaohao.kernel.familypoints.FamilyPoints;
import org.yaohao.kernel.policy.Policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * {@code POST /api/family-points/calculation}: a family's points under a policy (the active one unless
 * {@code policyVersion} names another), every term of the sum shown. Nothing is stored and no personal data is
 * involved: roles and counts only. Every bad field is named with its rule in one 400 problem.
 */
@RestController
class FamilyPointsController {

    private final PolicyCatalog policies;
    private final FamilyPointsCalculator calculator;

    FamilyPointsController(PolicyCatalog policies, FamilyPointsCalculator calculator) {
        this.policies = policies;
        this.calculator = calculator;
    }

    /**
     * A family as the formulas read it. {@code generations}, {@code members} and each member's {@code role} and
     * {@code adult} are required; counts a formula does not use may be left out and are then 0.
     */
    record CalculationRequest(String policyVersion, Integer generations, List<MemberRequest> members,
                              Integer roundsEnteredWithoutWinning, Integer fullYearsApplied) {
    }

    record MemberRequest(String role, Boolean adult, Integer socialInsuranceYears, Integer lotterySteps) {
    }

    @PostMapping(path = "/api/family-points/calculation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FamilyPoints> calculate(@RequestBody CalculationRequest request) {
        Request parsed = new Request();
        Policy policy = parsed.policy(request.policyVersion());
        Integer generations = parsed.required("generations", request.generations());
        List<Member> members = new ArrayList<>();
        List<MemberRequest> given = parsed.required("members", request.members());
        if (given != null) {
            for (int i = 0; i < given.size(); i++) {
                members.add(parsed.member("members[" + i + "]", given.get(i)));
            }
        }
        FamilyComposition family = new FamilyComposition(generations == null ? 0 : generations, members,
                orZero(request.roundsEnteredWithoutWinning()), orZero(request.fullYearsApplied()));
        parsed.addUnlessNamed(FamilyPointsCalculator.problems(family));
        parsed.violations.throwIfAny();
        return ResponseEntity.ok(calculator.calculate(family, policy));
    }

    private static int orZero(Integer count) {
        return count == null ? 0 : count;
    }

    /** The request's violations, and the fields they name so the calculator's rules do not name one twice. */
    private final class Request {

        final Violations violations = new Violations();
        final Set<String> named = new HashSet<>();

        Policy policy(String version) {
            if (version == null) {
                return policies.active();
            }
            try {
                return policies.version(version.trim());
            } catch (NoSuchElementException e) {
                List<String> known = policies.all().stream().map(Policy::version).toList();
                invalid("policyVersion", "'policyVersion' must be one of " + known);
                return null;
            }
        }

        <T> T required(String field, T value) {
            if (violations.required(field, value) == null) {
                named.add(field);
            }
            return value;
        }

        Member member(String at, MemberRequest member) {
            if (required(at, member) == null) {
                return new Member(null, false, 0, 0);
            }
            String roleField = at + ".role";
            Role role = violations.parseEnum(roleField, member.role(), Role.class, ErrorCode.INVALID_VALUE);
            if (role == null) {
                named.add(roleField);
            }
            Boolean adult = required(at + ".adult", member.adult());
            return new Member(role, Boolean.TRUE.equals(adult), orZero(member.socialInsuranceYears()),
                    orZero(member.lotterySteps()));
        }

        void invalid(String field, String detail) {
            violations.add(field, ErrorCode.INVALID_VALUE, detail);
            named.add(field);
        }

        /** The calculator's findings, except on a field (or inside one) this request already named. */
        void addUnlessNamed(List<ErrorDetails> problems) {
            for (ErrorDetails problem : problems) {
                String field = problem.field();
                boolean alreadyNamed = named.stream().anyMatch(n -> field.equals(n) || field.startsWith(n + ".")
                        || field.startsWith(n + "["));
                if (!alreadyNamed) {
                    violations.add(field, problem.code(), problem.detail());
                }
            }
        }
    }
}
