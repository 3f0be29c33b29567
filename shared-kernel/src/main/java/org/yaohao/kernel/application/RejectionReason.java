package org.yaohao.kernel.application;

/** Why a pre-qualification check failed. */
public enum RejectionReason {
    /** The registry has no record of the person or enterprise; nobody unknown is waved through. */
    NOT_IN_REGISTRY,
    /** Fewer than the policy's consecutive months of Beijing social insurance before the month of applying. */
    SOCIAL_INSURANCE_GAP,
    /** A year without Beijing individual income tax among the policy's last years. */
    INCOME_TAX_MISSING_YEAR,
    /** No driving licence valid on the day of applying. */
    NO_VALID_DRIVING_LICENCE,
    /** No Beijing household registration, work-residence permit or residence permit. */
    NO_BEIJING_RESIDENCE,
    /** The Beijing residence permit had expired on the day of applying. */
    RESIDENCE_PERMIT_EXPIRED,
    /** A passenger car is already registered in Beijing in the person's name. */
    CAR_ALREADY_OWNED,
    /** The enterprise paid less than the policy's minimum tax in the previous year. */
    ENTERPRISE_TAX_BELOW_MINIMUM
}
