package org.yaohao.query.application;

import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;

/**
 * The code in the path is not a well-formed application code (HTTP 400): {@link ErrorCode#APPLICATION_CODE_FORMAT}
 * or {@link ErrorCode#APPLICATION_CODE_CHECK_DIGIT}. The rejected text is never echoed.
 */
public class InvalidApplicationCodeException extends DomainException {

    public InvalidApplicationCodeException(ErrorCode rule, String detail) {
        super(rule, "code", detail);
    }
}
