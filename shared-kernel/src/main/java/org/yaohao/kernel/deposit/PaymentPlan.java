package org.yaohao.kernel.deposit;

/** How a deposit is paid: at once, or in the policy's number of interest-free instalments (分期无息). */
public enum PaymentPlan {
    FULL, INSTALMENTS
}
