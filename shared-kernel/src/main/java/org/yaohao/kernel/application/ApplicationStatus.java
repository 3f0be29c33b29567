package org.yaohao.kernel.application;

/** Where an application stands. */
public enum ApplicationStatus {
    /** Submitted; the registries are being asked. */
    AWAITING_PREQUALIFICATION,
    /** Every check passed: the code is a valid code (有效编码) and may enter draws. */
    PREQUALIFIED,
    /** At least one check failed; the reasons are recorded. */
    REJECTED,
    /** Not every registry answered within the policy's deadline; a person decides. */
    MANUAL_REVIEW,
    /** Won a quota in a round. */
    DRAWN,
    /** Withdrawn by the applicant. */
    WITHDRAWN;

    /** An active application holds its persons: they cannot be in another application at the same time. */
    public boolean isActive() {
        return this != REJECTED && this != WITHDRAWN;
    }
}
