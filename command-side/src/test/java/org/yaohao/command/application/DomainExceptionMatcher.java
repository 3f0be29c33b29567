package org.yaohao.command.application;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;

import java.util.Map;
import java.util.Objects;

/** Matches a {@link DomainException} by its error code, field and (some of) its properties. */
final class DomainExceptionMatcher extends TypeSafeMatcher<DomainException> {

    private final ErrorCode code;
    private final String field;
    private final Map<String, String> properties;

    private DomainExceptionMatcher(ErrorCode code, String field, Map<String, String> properties) {
        this.code = code;
        this.field = field;
        this.properties = properties;
    }

    /** Refused with {@code code}, naming {@code field}. */
    static Matcher<DomainException> refusedWith(ErrorCode code, String field) {
        return new DomainExceptionMatcher(code, field, Map.of());
    }

    /** Refused with {@code code}, naming {@code field}, carrying at least {@code properties}. */
    static Matcher<DomainException> refusedWith(ErrorCode code, String field, Map<String, String> properties) {
        return new DomainExceptionMatcher(code, field, properties);
    }

    @Override
    protected boolean matchesSafely(DomainException e) {
        return e.details().code() == code
                && Objects.equals(e.details().field(), field)
                && e.details().properties().entrySet().containsAll(properties.entrySet());
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("DomainException with code ").appendValue(code).appendText(" on field ")
                .appendValue(field);
        if (!properties.isEmpty()) {
            description.appendText(" and properties ").appendValue(properties);
        }
    }

    @Override
    protected void describeMismatchSafely(DomainException e, Description description) {
        description.appendText("was ").appendValue(e.details());
    }
}
