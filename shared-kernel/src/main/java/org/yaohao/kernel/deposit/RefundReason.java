package org.yaohao.kernel.deposit;

/** Why a deposit goes back: the applicant withdrew, or the application did not win the round. */
public enum RefundReason {
    WITHDRAWN, NOT_WON
}
