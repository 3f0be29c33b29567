package org.yaohao.kernel.round;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.policy.PoolPlan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A round was opened under the policy version it will run under, whatever policy becomes active later. Each pool's
 * quota includes {@code rolledOver}: what the previous round of the type left unallocated in that pool.
 */
@Revision("1")
public record RoundScheduledEvent(RoundId roundId, QuotaType quotaType, LocalDate drawDate, LocalDate cutOff,
                                  List<PoolPlan> pools, Map<PoolKind, Integer> rolledOver, String policyVersion) {

    public RoundScheduledEvent {
        rolledOver = rolledOver == null ? Map.of() : Map.copyOf(rolledOver);
    }
}
