/**
 * How quotas are allocated within a pool, as pure functions anyone can re-run: the normative lottery
 * ({@link org.yaohao.kernel.draw.LotteryDraw}, algorithm {@code v1} of {@code docs/draw-algorithm.md}) over a
 * frozen {@link org.yaohao.kernel.draw.Pool} with a committed seed ({@link org.yaohao.kernel.draw.SeedCommitment}),
 * the ranking of the new-energy RANKING pools ({@link org.yaohao.kernel.draw.RankingAllocation}), and the
 * independent re-check of a recorded draw ({@link org.yaohao.kernel.draw.DrawVerification}).
 * <p>
 * Nothing here reads a clock, a random source or a store: the same inputs give the same winners, bit for bit.
 */
package org.yaohao.kernel.draw;
