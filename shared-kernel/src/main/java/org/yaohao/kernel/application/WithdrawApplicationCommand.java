package org.yaohao.kernel.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.yaohao.kernel.common.ApplicationCode;

/** The applicant withdraws; the persons named become free to apply again. */
public record WithdrawApplicationCommand(@TargetAggregateIdentifier ApplicationCode code, String reason) {
}
