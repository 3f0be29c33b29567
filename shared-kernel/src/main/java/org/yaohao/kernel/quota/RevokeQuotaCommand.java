package org.yaohao.kernel.quota;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The regulator revokes the quota, for {@code reason}. */
public record RevokeQuotaCommand(@TargetAggregateIdentifier QuotaId quotaId, String reason) {
}
