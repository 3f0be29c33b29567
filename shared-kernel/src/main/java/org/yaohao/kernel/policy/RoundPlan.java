package org.yaohao.kernel.policy;

import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.round.RoundId;

import java.time.LocalDate;
import java.util.List;

/** A round of the policy year: its date, the cut-off (deposits fully paid by then enter) and its pools. */
public record RoundPlan(RoundId id, LocalDate drawDate, LocalDate cutOff, List<PoolPlan> pools) {

    public RoundPlan {
        pools = List.copyOf(pools);
    }

    public QuotaType quotaType() {
        return id.quotaType();
    }
}
