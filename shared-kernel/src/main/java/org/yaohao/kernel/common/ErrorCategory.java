package org.yaohao.kernel.common;

/** How a refused request is classified; each side maps a category to one HTTP status. */
public enum ErrorCategory {
    /** The request itself is malformed or breaks a format rule (HTTP 400). */
    VALIDATION,
    /** The named resource does not exist (HTTP 404). */
    NOT_FOUND,
    /** The request conflicts with the current state (HTTP 409). */
    CONFLICT,
    /** Well-formed, but a rule of the rule book refuses it (HTTP 422). */
    RULE,
    /** The caller is not signed in, or the credentials do not hold (HTTP 401). */
    AUTHENTICATION,
    /** The caller is signed in but may not do this (HTTP 403). */
    PERMISSION,
    /** The caller asked too often; try again later (HTTP 429). */
    RATE_LIMIT
}
