package org.yaohao.kernel.draw;

/**
 * One entry of a lottery pool: an application code (for an enterprise, the application code plus {@code -1} …
 * {@code -5}, one entry per requested quota) and its weight, the number of tickets it holds.
 * <p>
 * The code must be non-empty, well-formed Unicode, and free of {@code ','} and line breaks, the separators of the
 * pool's published text form; the weight must be at least 1.
 */
public record PoolEntry(String code, long weight) {

    public PoolEntry {
        if (code == null || code.isEmpty()) {
            throw new IllegalArgumentException("a pool entry needs a non-empty code");
        }
        if (code.indexOf(',') >= 0 || code.indexOf('\n') >= 0 || code.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a pool entry code must not contain ',' or a line break: " + code);
        }
        if (!CodeOrder.isWellFormed(code)) {
            throw new IllegalArgumentException("a pool entry code must be well-formed Unicode (unpaired surrogate)");
        }
        if (weight < 1) {
            throw new IllegalArgumentException("the weight of pool entry " + code + " must be at least 1, was " + weight);
        }
    }
}
