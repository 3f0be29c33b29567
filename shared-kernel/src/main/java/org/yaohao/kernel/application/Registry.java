package org.yaohao.kernel.application;

/** The external registries pre-qualification asks (rule book, Lifecycle step 2). */
public enum Registry {
    SOCIAL_INSURANCE, INCOME_TAX, DRIVING_LICENCE, RESIDENCE, CAR_OWNERSHIP, ENTERPRISE_TAX
}
