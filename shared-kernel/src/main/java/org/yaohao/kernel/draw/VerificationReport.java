package org.yaohao.kernel.draw;

/**
 * The outcome of re-checking a recorded draw: {@link Outcome#MATCH}, or the first point of difference with the
 * value re-derived from the inputs ({@code expected}) and the value recorded ({@code actual}). {@code position} is
 * the 1-based sequence number of the first differing winner for {@link Outcome#WINNER_MISMATCH}, otherwise 0; a
 * side that has no winner at that position shows {@code null}.
 */
public record VerificationReport(Outcome outcome, int position, String expected, String actual) {

    /** Where a recorded draw first differs from its re-derivation, in the order the checks run. */
    public enum Outcome {
        MATCH,
        /** The result was recorded by an algorithm other than {@code v1}. */
        ALGORITHM_UNSUPPORTED,
        /** The rebuilt pool's digest is not the recorded one. */
        POOL_DIGEST_MISMATCH,
        /** The seed is not 32 bytes or does not hash to the recorded commitment. */
        COMMITMENT_MISMATCH,
        /** The seed hashes to the commitment but is not the seed the result records. */
        SEED_MISMATCH,
        ENTRY_COUNT_MISMATCH,
        TOTAL_WEIGHT_MISMATCH,
        /** A winner, its order or the number of winners differs; {@code position} says where first. */
        WINNER_MISMATCH
    }

    public VerificationReport {
        if (outcome == null) {
            throw new IllegalArgumentException("a verification report needs an outcome");
        }
    }

    static VerificationReport match() {
        return new VerificationReport(Outcome.MATCH, 0, null, null);
    }

    static VerificationReport difference(Outcome outcome, String expected, String actual) {
        return new VerificationReport(outcome, 0, expected, actual);
    }

    public boolean matches() {
        return outcome == Outcome.MATCH;
    }

    /** One line for a person: what differs, where, expected and recorded values. */
    public String describe() {
        return switch (outcome) {
            case MATCH -> "the recorded draw matches its re-derivation";
            case WINNER_MISMATCH -> "winner " + position + " differs: re-derived " + show(expected)
                    + ", recorded " + show(actual);
            default -> outcome + ": re-derived " + show(expected) + ", recorded " + show(actual);
        };
    }

    private static String show(String value) {
        return value == null ? "(none)" : value;
    }
}
