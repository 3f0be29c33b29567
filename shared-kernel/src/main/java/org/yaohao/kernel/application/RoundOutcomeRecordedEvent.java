package org.yaohao.kernel.application;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.round.RoundId;

/**
 * The application took part in the round and won ({@code sequence} = 中签顺序号) or did not (sequence 0); a round
 * entered without winning is what raises an individual's step and a family's points.
 */
@Revision("1")
public record RoundOutcomeRecordedEvent(ApplicationCode code, RoundId roundId, boolean won, int sequence,
                                        String policyVersion) {
}
