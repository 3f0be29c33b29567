package org.yaohao.query.quota;

import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;

/** A quota read refused: a malformed quota id (400), no such quota (404), no such notice code (404). */
public class QuotaProblem extends DomainException {

    QuotaProblem(ErrorCode code, String field, String detail) {
        super(code, field, detail);
    }
}
