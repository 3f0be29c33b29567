package org.yaohao.kernel.quota;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.yaohao.kernel.common.MoneyFen;

import java.time.Instant;

/** The gateway received the fee of extension number {@code extension}; the same reference again changes nothing. */
public record PayQuotaExtensionFeeCommand(@TargetAggregateIdentifier QuotaId quotaId, int extension,
                                          String paymentReference, MoneyFen amount, Instant paidAt) {
}
