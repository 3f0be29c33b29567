package org.yaohao.kernel.round;

import org.yaohao.kernel.common.ApplicationCode;

/**
 * Whether one application took part in a round, and with which result. Answered with a
 * {@link RoundParticipationView}, {@code tookPart = false} when the application had no entry in the round (or is not
 * known); whether the round itself is known is asked with {@link FindRoundSummaryQuery}.
 */
public record FindRoundParticipationQuery(RoundId roundId, ApplicationCode code) {
}
