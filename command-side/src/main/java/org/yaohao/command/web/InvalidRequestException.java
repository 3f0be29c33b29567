package org.yaohao.command.web;

import java.util.List;

/** A request that breaks one or more field rules; answered with 400 and every violation listed. */
public class InvalidRequestException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super(violations.get(0).field() + ": " + violations.get(0).detail());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
