package org.yaohao.query.round;

import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.policy.PoolKind;

import java.util.Arrays;

/**
 * No round has the id asked for ({@link ErrorCode#ROUND_NOT_FOUND}), or the round has no frozen pool of that name
 * ({@link ErrorCode#POOL_NOT_FOUND}); HTTP 404 either way, {@code field} says which part of the path was not found.
 */
public class RoundNotFoundException extends DomainException {

    private RoundNotFoundException(ErrorCode code, String field, String detail) {
        super(code, field, detail);
    }

    static RoundNotFoundException round(String roundId) {
        return new RoundNotFoundException(ErrorCode.ROUND_NOT_FOUND, "roundId", "No round " + roundId + " is known");
    }

    /** {@code pool} {@code null}: the name in the path is no pool kind at all (and is not repeated). */
    static RoundNotFoundException pool(String roundId, PoolKind pool) {
        return new RoundNotFoundException(ErrorCode.POOL_NOT_FOUND, "pool", pool == null
                ? "No pool has this name; a pool is one of " + Arrays.toString(PoolKind.values())
                : "Round " + roundId + " has no frozen pool " + pool);
    }
}
