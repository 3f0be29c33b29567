package org.yaohao.query.statistics;

import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;

/** A statistics request refused: an unknown table or chart, or a what-if naming what cannot be run. */
public class StatisticsRequestException extends DomainException {

    StatisticsRequestException(ErrorCode code, String field, String detail) {
        super(code, field, detail);
    }
}
