package org.yaohao.kernel.application;

/** The kind of quota an application competes for (指标类型). */
public enum QuotaType {
    /** 普通指标: a fuel car. */
    ORDINARY,
    /** 新能源指标: a new-energy car. */
    NEW_ENERGY
}
