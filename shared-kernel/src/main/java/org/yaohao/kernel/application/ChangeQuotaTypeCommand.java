package org.yaohao.kernel.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.yaohao.kernel.common.ApplicationCode;

/** Switch an application between ordinary and new-energy. */
public record ChangeQuotaTypeCommand(@TargetAggregateIdentifier ApplicationCode code, QuotaType quotaType) {
}
