package org.yaohao.kernel.deposit;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MoneyFen;

/** A winner's deposit became the vehicle fee (车工本费). */
@Revision("1")
public record DepositConvertedEvent(DepositId depositId, ApplicationCode code, MoneyFen amount,
                                    String policyVersion) {
}
