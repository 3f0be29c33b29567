package org.yaohao.kernel.quota;

import java.math.BigDecimal;

/**
 * The share of quotas issued that were extended at least once (the guide reports about 23% for 2023):
 * {@code sharePercent} is {@code extendedAtLeastOnce / quotasIssued × 100}, one decimal, 0 when nothing was issued.
 */
public record QuotaExtensionShareView(long quotasIssued, long extendedAtLeastOnce, BigDecimal sharePercent) {
}
