package org.yaohao.query.round;

import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;

/** The round id in the path is not {@code <year>-ORD-<nn>} or {@code <year>-NEV-<nn>} (HTTP 400, {@link ErrorCode#ROUND_ID_FORMAT}). */
public class InvalidRoundIdException extends DomainException {

    public InvalidRoundIdException(ErrorCode rule, String detail) {
        super(rule, "roundId", detail);
    }
}
