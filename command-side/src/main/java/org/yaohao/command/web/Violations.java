package org.yaohao.command.web;

import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.InvalidValueException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Collects field violations while a request is turned into a command, then refuses it with all of them at once. */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    public void add(String field, ErrorCode code, String detail) {
        found.add(new Violation(field, code, detail));
    }

    /** The value, or null after recording MISSING_FIELD when it is absent. */
    public <T> T required(String field, T value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            add(field, ErrorCode.MISSING_FIELD, "'" + field + "' is required");
            return null;
        }
        return value;
    }

    /** Parses a required value object; a format violation is recorded under the value object's own rule. */
    public <T> T parse(String field, String raw, Function<String, T> parser) {
        if (required(field, raw) == null) {
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (InvalidValueException e) {
            add(field, e.errorCode(), e.getMessage());
            return null;
        }
    }

    /** Parses a required enum constant; an unknown name is recorded under {@code unknownCode}, listing the allowed. */
    public <E extends Enum<E>> E parseEnum(String field, String raw, Class<E> type, ErrorCode unknownCode) {
        if (required(field, raw) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            add(field, unknownCode, "'" + field + "' must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /** An optional text that, when present, must match the pattern. */
    public String optionalMatching(String field, String raw, String pattern, String rule) {
        if (raw == null) {
            return null;
        }
        if (!raw.matches(pattern)) {
            add(field, ErrorCode.INVALID_VALUE, "'" + field + "' " + rule);
            return null;
        }
        return raw;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidRequestException(found);
        }
    }
}
