package org.yaohao.kernel.policy;

/**
 * The pools of a round. 2023: ordinary PERSONAL (families and individuals together) and ENTERPRISE; new-energy
 * FAMILY, INDIVIDUAL and ENTERPRISE.
 */
public enum PoolKind {
    PERSONAL, FAMILY, INDIVIDUAL, ENTERPRISE
}
