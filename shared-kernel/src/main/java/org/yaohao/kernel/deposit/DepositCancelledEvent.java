package org.yaohao.kernel.deposit;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;

/** Nothing had been paid when the application was withdrawn: the deposit is closed with nothing to refund. */
@Revision("1")
public record DepositCancelledEvent(DepositId depositId, ApplicationCode code, String policyVersion) {
}
