package org.yaohao.kernel.common;

/** Where a command that starts from a person came in (rule book, Channels). */
public enum Channel {
    /** The website (官网). */
    WEB,
    /** The mobile app (北京通 app). */
    APP,
    /** An offline window in a district service centre; a clerk acts for the applicant. */
    COUNTER,
    /** Started by the system itself, e.g. a pre-qualification outcome. */
    SYSTEM
}
