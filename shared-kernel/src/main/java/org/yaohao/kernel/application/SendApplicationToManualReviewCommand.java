package org.yaohao.kernel.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.yaohao.kernel.common.ApplicationCode;

import java.util.List;

/** Not every registry answered within the policy's deadline. */
public record SendApplicationToManualReviewCommand(@TargetAggregateIdentifier ApplicationCode code,
                                                   List<Registry> unansweredRegistries) {
}
