package org.yaohao.kernel.round;

/** One round's summary, without its pools. Answered with a {@link RoundSummaryView} or nothing. */
public record FindRoundSummaryQuery(RoundId roundId) {
}
