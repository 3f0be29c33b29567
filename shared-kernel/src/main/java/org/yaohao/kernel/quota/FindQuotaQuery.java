package org.yaohao.kernel.quota;

/** One quota's view; answered empty when unknown. */
public record FindQuotaQuery(QuotaId quotaId) {
}
