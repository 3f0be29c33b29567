package org.yaohao.kernel.common;

/**
 * Metadata keys carried by every command that starts from a person and, by correlation, by every event it causes.
 */
public final class MessageMetadata {

    /** A {@link Channel} name. */
    public static final String CHANNEL = "channel";
    /** A {@link District} name, present for the COUNTER channel. */
    public static final String DISTRICT = "district";
    /** Who acted: the applicant, a clerk's user name, or {@code system:<process>}. */
    public static final String ACTING_USER = "actingUser";
    /**
     * The role the acting user was signed in with ({@code ADMIN}, {@code CLERK}, {@code APPLICANT}, …), or
     * {@code ANONYMOUS}: a clerk acting for an applicant is recorded as such.
     */
    public static final String ACTING_ROLE = "actingRole";

    private MessageMetadata() {
    }
}
