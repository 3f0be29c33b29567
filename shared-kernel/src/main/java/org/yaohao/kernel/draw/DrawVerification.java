package org.yaohao.kernel.draw;

import java.util.List;

/**
 * Re-checks a recorded lottery draw ({@code docs/draw-algorithm.md}, Verification): with the pool rebuilt from
 * the event history as it stood at its freeze and the revealed seed, check the pool digest, the seed against its
 * commitment, the entry count and total weight, then run the selection again and compare the winners and their
 * order. The report names the first point of difference.
 */
public final class DrawVerification {

    private DrawVerification() {
    }

    public static VerificationReport verify(DrawResult recorded, Pool rebuiltPool, byte[] seed) {
        if (recorded == null || rebuiltPool == null) {
            throw new IllegalArgumentException("verification needs the recorded result and the rebuilt pool");
        }
        if (!LotteryDraw.ALGORITHM.equals(recorded.algorithm())) {
            return VerificationReport.difference(VerificationReport.Outcome.ALGORITHM_UNSUPPORTED,
                    LotteryDraw.ALGORITHM, recorded.algorithm());
        }
        if (!rebuiltPool.digest().equals(recorded.poolDigest())) {
            return VerificationReport.difference(VerificationReport.Outcome.POOL_DIGEST_MISMATCH,
                    rebuiltPool.digest(), recorded.poolDigest());
        }
        if (!SeedCommitment.matches(seed, recorded.commitment())) {
            String derived = seed != null && seed.length == SeedCommitment.SEED_LENGTH
                    ? SeedCommitment.commit(seed)
                    : "(seed is not " + SeedCommitment.SEED_LENGTH + " bytes)";
            return VerificationReport.difference(VerificationReport.Outcome.COMMITMENT_MISMATCH,
                    derived, recorded.commitment());
        }
        String seedHex = SeedCommitment.toHex(seed);
        if (!seedHex.equalsIgnoreCase(recorded.seedHex())) {
            return VerificationReport.difference(VerificationReport.Outcome.SEED_MISMATCH, seedHex, recorded.seedHex());
        }
        if (rebuiltPool.size() != recorded.entryCount()) {
            return VerificationReport.difference(VerificationReport.Outcome.ENTRY_COUNT_MISMATCH,
                    Integer.toString(rebuiltPool.size()), Integer.toString(recorded.entryCount()));
        }
        if (rebuiltPool.totalWeight() != recorded.totalWeight()) {
            return VerificationReport.difference(VerificationReport.Outcome.TOTAL_WEIGHT_MISMATCH,
                    Long.toString(rebuiltPool.totalWeight()), Long.toString(recorded.totalWeight()));
        }

        List<Winner> expected = LotteryDraw.draw(recorded.drawId(), rebuiltPool, recorded.k(), seed,
                recorded.commitment()).winners();
        List<Winner> actual = recorded.winners();
        int longest = Math.max(expected.size(), actual.size());
        for (int p = 0; p < longest; p++) {
            Winner derived = p < expected.size() ? expected.get(p) : null;
            Winner written = p < actual.size() ? actual.get(p) : null;
            if (derived == null || !derived.equals(written)) {
                return new VerificationReport(VerificationReport.Outcome.WINNER_MISMATCH, p + 1,
                        derived == null ? null : derived.code(), describe(written, p + 1));
            }
        }
        return VerificationReport.match();
    }

    /** The recorded winner's code, flagged if it was recorded under another sequence number than its position. */
    private static String describe(Winner written, int position) {
        if (written == null) {
            return null;
        }
        return written.sequence() == position
                ? written.code()
                : written.code() + " (recorded as sequence " + written.sequence() + ")";
    }
}
