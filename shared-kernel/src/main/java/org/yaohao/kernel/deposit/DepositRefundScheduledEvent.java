package org.yaohao.kernel.deposit;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MoneyFen;

import java.time.LocalDate;
import java.util.List;

/** What was paid is to go back by its original routes by {@code dueDate} (a working day, inclusive). */
@Revision("1")
public record DepositRefundScheduledEvent(DepositId depositId, ApplicationCode code, MoneyFen amount,
                                          List<RefundLine> refunds, RefundReason reason, LocalDate dueDate,
                                          String policyVersion) {
}
