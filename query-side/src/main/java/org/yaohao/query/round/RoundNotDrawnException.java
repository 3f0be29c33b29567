package org.yaohao.query.round;

import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.round.RoundStatus;

import java.util.Map;

/**
 * Results were asked for before the round was drawn (HTTP 409, {@link ErrorCode#ROUND_WRONG_STATE}). The round's
 * status goes in the problem's property {@code roundStatus} ({@code status} is the HTTP status).
 */
public class RoundNotDrawnException extends DomainException {

    RoundNotDrawnException(String roundId, RoundStatus status) {
        super(ErrorCode.ROUND_WRONG_STATE, "roundId",
              "Round " + roundId + " is " + status + "; its results are shown once it is drawn",
              Map.of("roundStatus", status.name()));
    }
}
