package org.yaohao.kernel.common;

/**
 * A value that breaks its format rule, thrown while constructing a value object. Carries the rule (an
 * {@link ErrorCode}) so callers can name the field and the rule without ever echoing the rejected value,
 * which may be personal data.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final ErrorCode errorCode;

    public InvalidValueException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
