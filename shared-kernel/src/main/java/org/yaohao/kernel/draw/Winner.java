package org.yaohao.kernel.draw;

/**
 * A winner of a pool: its sequence number (中签顺序号, 1-based, the draw order of a lottery or the rank of a
 * RANKING pool) and its code.
 */
public record Winner(int sequence, String code) {

    public Winner {
        if (sequence < 1) {
            throw new IllegalArgumentException("a winner's sequence number starts at 1, was " + sequence);
        }
        if (code == null || code.isEmpty()) {
            throw new IllegalArgumentException("a winner needs a code");
        }
    }
}
