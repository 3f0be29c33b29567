package org.yaohao.kernel.quota;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.round.RoundId;

import java.time.LocalDate;

/** A winning entry gets its quota, valid from the day the results are published. */
public record IssueQuotaCommand(@TargetAggregateIdentifier QuotaId quotaId, ApplicationCode code, RoundId roundId,
                                QuotaType quotaType, int sequence, LocalDate issuedOn) {
}
