package org.yaohao.kernel.policy;

/** One pool of a round: its method and the quotas it allocates. */
public record PoolPlan(PoolKind pool, AllocationMethod method, int quota) {
}
