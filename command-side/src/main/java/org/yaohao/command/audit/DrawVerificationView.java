package org.yaohao.command.audit;

/**
 * The verdict on a recorded draw re-derived from the log: {@code matches}, or the first difference with the value
 * re-derived ({@code expected}) and the value recorded ({@code actual}); {@code position} is the 1-based entry of the
 * frozen pool or sequence number of the winner that differs first, otherwise 0. {@code entryCount} and
 * {@code digest} are those of the pool rebuilt from the log.
 */
public record DrawVerificationView(String drawId, String method, boolean matches, Outcome outcome, int position,
                                   String expected, String actual, String description, int entryCount,
                                   String digest) {

    /** What was found, in the order the checks run. */
    public enum Outcome {
        MATCH,
        /** The pool rebuilt from the log differs from the frozen entries, first at entry {@code position}. */
        FROZEN_POOL_MISMATCH,
        POOL_DIGEST_MISMATCH,
        /** The commitment published before the freeze is not the draw's, or the seed does not hash to it. */
        COMMITMENT_MISMATCH,
        SEED_MISMATCH,
        QUOTA_MISMATCH,
        ENTRY_COUNT_MISMATCH,
        TOTAL_WEIGHT_MISMATCH,
        ALGORITHM_UNSUPPORTED,
        /** The winners differ, first at sequence number {@code position}. */
        WINNER_MISMATCH
    }

    static String describe(Outcome outcome, int position, String expected, String actual) {
        return switch (outcome) {
            case MATCH -> "the recorded draw matches its re-derivation from the event log";
            case WINNER_MISMATCH -> "winner " + position + " differs: re-derived " + show(expected) + ", recorded "
                    + show(actual);
            case FROZEN_POOL_MISMATCH -> "frozen entry " + position + " differs: rebuilt " + show(expected)
                    + ", frozen " + show(actual);
            default -> outcome + ": re-derived " + show(expected) + ", recorded " + show(actual);
        };
    }

    private static String show(String value) {
        return value == null ? "(none)" : value;
    }
}
