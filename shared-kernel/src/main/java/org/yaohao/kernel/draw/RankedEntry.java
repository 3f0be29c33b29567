package org.yaohao.kernel.draw;

import java.time.Instant;

/**
 * One entry of a RANKING pool (new-energy FAMILY and INDIVIDUAL pools): the application code, the family points
 * times ten ({@code 0} for every entry of the individual queue, 轮候) and the time the application first became
 * valid.
 */
public record RankedEntry(String code, long pointsTenths, Instant validSince) {

    public RankedEntry {
        if (code == null || code.isEmpty()) {
            throw new IllegalArgumentException("a ranked entry needs a code");
        }
        if (!CodeOrder.isWellFormed(code)) {
            throw new IllegalArgumentException("a ranked entry code must be well-formed Unicode (unpaired surrogate)");
        }
        if (pointsTenths < 0) {
            throw new IllegalArgumentException("the points of ranked entry " + code + " must not be negative");
        }
        if (validSince == null) {
            throw new IllegalArgumentException("ranked entry " + code + " needs the time it first became valid");
        }
    }
}
