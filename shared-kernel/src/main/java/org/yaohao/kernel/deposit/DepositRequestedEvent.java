package org.yaohao.kernel.deposit;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.round.RoundId;

import java.util.List;

/** A deposit was opened: the amount due and its split, defined once and shown to the payer. */
@Revision("1")
public record DepositRequestedEvent(DepositId depositId, ApplicationCode code, RoundId roundId, QuotaType quotaType,
                                    MoneyFen amountDue, PaymentPlan plan, List<MoneyFen> instalments,
                                    String policyVersion) {
}
