package org.yaohao.kernel.round;

/**
 * How long the handlers that work through a whole pool may take. At full scale (3,000,000 entries) the freeze reads
 * the event log for minutes, a chunk of 50,000 entries is 50,000 document writes, and the results process sends
 * commands for every entrant; Axon's default handler timeout (30 s) would interrupt them and their retry would be
 * interrupted again. Used in {@code @MessageHandlerTimeout} on those handlers, with a warning after a minute.
 */
public final class RoundHandling {

    /** Six hours. */
    public static final int WHOLE_POOL_TIMEOUT_MS = 6 * 60 * 60 * 1000;
    /** A handler still running after a minute is logged, every minute. */
    public static final int WHOLE_POOL_WARNING_MS = 60 * 1000;

    private RoundHandling() {
    }
}
