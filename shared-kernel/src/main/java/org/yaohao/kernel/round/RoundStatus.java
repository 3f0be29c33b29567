package org.yaohao.kernel.round;

/** scheduled → seed committed → pool frozen → drawn → results published. */
public enum RoundStatus {
    SCHEDULED, SEED_COMMITTED, POOLS_FROZEN, DRAWN, RESULTS_PUBLISHED
}
