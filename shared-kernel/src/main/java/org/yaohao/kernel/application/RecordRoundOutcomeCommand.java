package org.yaohao.kernel.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.round.RoundId;

/** The application took part in a round: won (with its sequence number) or not; recording it twice changes nothing. */
public record RecordRoundOutcomeCommand(@TargetAggregateIdentifier ApplicationCode code, RoundId roundId, boolean won,
                                        int sequence) {
}
