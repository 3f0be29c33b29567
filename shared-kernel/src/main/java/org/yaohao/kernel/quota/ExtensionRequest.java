package org.yaohao.kernel.quota;

import org.yaohao.kernel.common.MoneyFen;

import java.time.Instant;

/** An extension awaiting its fee: which one (1 to 3), how much, and until when it can be paid. */
public record ExtensionRequest(QuotaId quotaId, int extension, MoneyFen fee, Instant lapsesAt) {
}
