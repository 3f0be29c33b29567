package org.yaohao.kernel.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.yaohao.kernel.common.ApplicationCode;

import java.util.List;

/** Every registry answered and at least one check failed; every failed check is named. */
public record RejectApplicationCommand(@TargetAggregateIdentifier ApplicationCode code,
                                       List<FailedCheck> failedChecks) {
}
