package org.yaohao.query.application;

import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;

/** No application has the code asked for (HTTP 404). The code itself is not repeated in the message. */
public class ApplicationNotFoundException extends DomainException {

    public ApplicationNotFoundException() {
        super(ErrorCode.APPLICATION_NOT_FOUND, "code", "No application has this code");
    }
}
