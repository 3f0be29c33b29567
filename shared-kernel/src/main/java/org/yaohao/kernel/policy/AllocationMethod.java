package org.yaohao.kernel.policy;

/** How a pool's quotas are allocated: the normative lottery (draw-algorithm.md) or a ranking. */
public enum AllocationMethod {
    LOTTERY, RANKING
}
