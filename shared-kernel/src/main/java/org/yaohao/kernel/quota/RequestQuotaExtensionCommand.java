package org.yaohao.kernel.quota;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The holder asks to extend the quota by 6 months; answered with the {@link ExtensionRequest} whose fee is to be
 * paid. While one request awaits its fee, asking again answers that one.
 */
public record RequestQuotaExtensionCommand(@TargetAggregateIdentifier QuotaId quotaId) {
}
