package org.yaohao.kernel.round;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.policy.PoolPlan;

import java.time.LocalDate;
import java.util.List;

/** A round was opened under the policy version it will run under, whatever policy becomes active later. */
@Revision("1")
public record RoundScheduledEvent(RoundId roundId, QuotaType quotaType, LocalDate drawDate, LocalDate cutOff,
                                  List<PoolPlan> pools, String policyVersion) {
}
