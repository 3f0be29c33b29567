package org.yaohao.kernel.round;

/** A round's winners per pool, in draw order. Answered with a {@link RoundResultsView} or nothing. */
public record FindRoundResultsQuery(RoundId roundId) {
}
