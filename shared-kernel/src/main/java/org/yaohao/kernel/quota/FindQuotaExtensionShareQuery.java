package org.yaohao.kernel.quota;

/** How many winners extended their quota at least once (statistics). */
public record FindQuotaExtensionShareQuery() {
}
