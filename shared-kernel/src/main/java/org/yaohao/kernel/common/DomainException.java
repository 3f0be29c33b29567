package org.yaohao.kernel.common;

import java.util.Map;

/**
 * A request refused by a rule. {@code field} is the JSON path of the offending field (or {@code null} when the
 * request as a whole is refused); {@code properties} are extra facts for the caller, never personal data.
 */
public class DomainException extends RuntimeException {

    private final ErrorDetails details;

    public DomainException(ErrorCode code, String field, String detail) {
        this(code, field, detail, Map.of());
    }

    public DomainException(ErrorCode code, String field, String detail, Map<String, String> properties) {
        super(detail);
        this.details = new ErrorDetails(code, field, detail, Map.copyOf(properties));
    }

    public ErrorDetails details() {
        return details;
    }
}
