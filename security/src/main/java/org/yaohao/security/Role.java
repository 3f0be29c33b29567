package org.yaohao.security;

/**
 * The roles of the system. A caller has one; for JWTs from an issuer carrying several, the first in this order wins
 * as the caller's role (every one still counts as an authority).
 */
public enum Role {
    /** Runs the system: rounds, operators' lists, acting for an applicant (recorded as such); reads masked data. */
    ADMIN,
    /** The regulator: reads everything, including unmasked personal data (each such read is recorded). */
    REGULATOR,
    /** Counter staff of one district: submits and acts for applicants, recorded with their name and district. */
    CLERK,
    /** Reads statistics only. */
    ANALYST,
    /** An applicant signed in with their application code, ID number and a one-time code: their own application only. */
    APPLICANT;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
