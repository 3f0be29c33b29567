package org.yaohao.kernel.round;

import org.yaohao.kernel.policy.AllocationMethod;
import org.yaohao.kernel.policy.PoolKind;

import java.time.LocalDate;
import java.util.List;

/**
 * A round's winners per pool in draw order, application codes only. Meaningful once the round is
 * {@link RoundStatus#DRAWN} or later; before that {@code pools} has no winners.
 *
 * @param publishedOn the day the results were published; {@code null} until then
 */
public record RoundResultsView(String roundId, RoundStatus status, LocalDate publishedOn, List<PoolResults> pools) {

    /** One pool's winners in draw order. */
    public record PoolResults(PoolKind pool, AllocationMethod method, int quota, String drawId,
                              List<RoundView.Winner> winners) {
    }
}
