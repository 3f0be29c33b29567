package org.yaohao.kernel.deposit;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MoneyFen;

import java.time.LocalDate;

/** The refund was not confirmed by its due date: operators must act. Stays until the refund is confirmed. */
@Revision("1")
public record DepositRefundOverdueEvent(DepositId depositId, ApplicationCode code, MoneyFen outstanding,
                                        LocalDate dueDate, String policyVersion) {
}
