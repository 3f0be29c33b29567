package org.yaohao.kernel.application;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;

import java.time.Instant;
import java.util.List;

/** Every check passed: from {@code prequalifiedAt} the code is a valid code. */
@Revision("1")
public record ApplicationPrequalifiedEvent(ApplicationCode code,
                                           List<Registry> registriesConsulted,
                                           Instant prequalifiedAt,
                                           String policyVersion) {
}
