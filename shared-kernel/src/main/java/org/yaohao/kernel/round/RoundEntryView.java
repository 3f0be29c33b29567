package org.yaohao.kernel.round;

import org.yaohao.kernel.policy.PoolKind;

import java.util.List;

/**
 * A round an application entered, as its status shows it.
 *
 * @param pool    the pool it was frozen into; {@code null} when only its outcome is known
 * @param drawn   {@code true} when at least one entry was drawn, {@code false} once its pool was drawn without it
 *                (or its outcome was recorded as not won), {@code null} while not known yet
 * @param entries its entries in pool order: one for a person or family, {@code code-1} … {@code code-5} for an
 *                enterprise
 */
public record RoundEntryView(String roundId, PoolKind pool, Boolean drawn, List<Entry> entries) {

    /**
     * One entry of the pool.
     *
     * @param weight   its weight in the pool ({@code null} when not known)
     * @param sequence its sequence number (中签顺序号) when drawn, otherwise {@code null}
     */
    public record Entry(String code, Long weight, Integer sequence) {
    }
}
