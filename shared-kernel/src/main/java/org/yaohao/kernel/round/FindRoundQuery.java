package org.yaohao.kernel.round;

/** What the public and regulators see of a round. Answered with a {@link RoundView} or nothing. */
public record FindRoundQuery(RoundId roundId) {
}
