package org.yaohao.kernel.round;

/** Every known round, by draw date then id. Answered with a list of {@link RoundSummaryView}. */
public record FindRoundsQuery() {
}
