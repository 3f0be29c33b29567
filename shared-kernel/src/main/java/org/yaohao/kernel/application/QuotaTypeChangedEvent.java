package org.yaohao.kernel.application;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;

/** The application now competes for the other quota type. */
@Revision("1")
public record QuotaTypeChangedEvent(ApplicationCode code, QuotaType from, QuotaType to, String policyVersion) {
}
