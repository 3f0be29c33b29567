package org.yaohao.kernel.deposit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.yaohao.kernel.deposit.DepositId;

/** Open the deposit of an application for a round; the amount and split come from the policy. */
public record RequestDepositCommand(@TargetAggregateIdentifier DepositId depositId, PaymentPlan plan) {
}
