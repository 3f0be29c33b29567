package org.yaohao.kernel.quota;

/** Where a quota is in its life: valid until used, expired or revoked. */
public enum QuotaStatus {
    /** Issued and within its validity: may be extended or used. */
    VALID,
    /** A car was registered against it. */
    USED,
    /** Its validity ended unused. */
    EXPIRED,
    /** Withdrawn by the regulator, with the reason recorded. */
    REVOKED
}
