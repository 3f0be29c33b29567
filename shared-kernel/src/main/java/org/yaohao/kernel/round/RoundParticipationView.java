package org.yaohao.kernel.round;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.yaohao.kernel.policy.PoolKind;

import java.util.List;

/**
 * One application in one round, application codes only. Fields without a value are left out of the JSON: an
 * application that did not take part is {@code {"tookPart":false}}.
 *
 * @param pool    the pool it was frozen into
 * @param drawn   {@code true} when at least one of its entries was drawn, {@code false} once its pool was drawn
 *                without it (or its outcome was recorded as not won), {@code null} while not known yet
 * @param entries its entries in pool order: one for a person or family, {@code code-1} … {@code code-5} for an
 *                enterprise, each with its weight and, when drawn, its sequence number (中签顺序号)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoundParticipationView(boolean tookPart, PoolKind pool, Boolean drawn,
                                     List<RoundEntryView.Entry> entries) {

    public static RoundParticipationView notTakingPart() {
        return new RoundParticipationView(false, null, null, null);
    }
}
