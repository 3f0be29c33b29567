package org.yaohao.command.policy;

import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.policy.PoolPlan;
import org.yaohao.kernel.policy.RoundPlan;
import org.yaohao.kernel.policy.Policy;
import org.yaohao.kernel.round.RoundId;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What makes a policy file coherent, checked when it is loaded so a wrong file stops the system instead of
 * deciding anything: each round's cut-off comes before its draw; rounds of a type follow each other in date order;
 * a round has only the pools of its type (ordinary: PERSONAL, ENTERPRISE; new-energy: FAMILY, INDIVIDUAL,
 * ENTERPRISE), each at most once, with a non-negative quota; and the pools of a type's rounds add up to the year's
 * quota of the type.
 */
final class PolicyRules {

    private static final Map<QuotaType, Set<PoolKind>> POOLS = Map.of(
            QuotaType.ORDINARY, EnumSet.of(PoolKind.PERSONAL, PoolKind.ENTERPRISE),
            QuotaType.NEW_ENERGY, EnumSet.of(PoolKind.FAMILY, PoolKind.INDIVIDUAL, PoolKind.ENTERPRISE));

    private PolicyRules() {
    }

    /** Every broken rule, in words; empty when the policy is coherent. */
    static List<String> problems(Policy policy) {
        List<String> problems = new ArrayList<>();
        Set<RoundId> seen = new HashSet<>();
        for (RoundPlan round : policy.rounds()) {
            if (!seen.add(round.id())) {
                problems.add("round " + round.id() + " is listed twice");
            }
            if (round.cutOff() == null || round.drawDate() == null || !round.cutOff().isBefore(round.drawDate())) {
                problems.add("round " + round.id() + ": the cut-off must come before the draw date");
            }
            Set<PoolKind> pools = EnumSet.noneOf(PoolKind.class);
            for (PoolPlan pool : round.pools()) {
                if (!POOLS.get(round.quotaType()).contains(pool.pool())) {
                    problems.add("round " + round.id() + ": a " + round.quotaType() + " round has no " + pool.pool()
                            + " pool");
                }
                if (!pools.add(pool.pool())) {
                    problems.add("round " + round.id() + ": pool " + pool.pool() + " is listed twice");
                }
                if (pool.quota() < 0) {
                    problems.add("round " + round.id() + ": pool " + pool.pool() + " has a negative quota");
                }
            }
        }
        for (QuotaType type : QuotaType.values()) {
            List<RoundPlan> rounds = policy.rounds().stream().filter(r -> r.quotaType() == type).toList();
            for (int i = 1; i < rounds.size(); i++) {
                RoundPlan before = rounds.get(i - 1);
                RoundPlan after = rounds.get(i);
                if (before.drawDate() != null && after.cutOff() != null && !before.drawDate().isBefore(after.cutOff())) {
                    problems.add("rounds " + before.id() + " and " + after.id() + " are out of date order");
                }
            }
            Integer annual = policy.annualQuotas().get(type);
            if (annual != null) {
                int sum = rounds.stream().flatMap(r -> r.pools().stream()).mapToInt(PoolPlan::quota).sum();
                if (sum != annual) {
                    problems.add("the " + type + " pools of the rounds add up to " + sum + ", not the year's "
                            + annual);
                }
            }
        }
        return problems;
    }
}
