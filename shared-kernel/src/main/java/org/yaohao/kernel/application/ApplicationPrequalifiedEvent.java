package org.yaohao.kernel.application;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;

import java.time.Instant;
import java.util.List;

/**
 * Every check passed: from {@code prequalifiedAt} the code is a valid code. {@code socialInsuranceYears}: whole years
 * of Beijing social insurance paid before the month of applying, per person in the order of the application (the
 * applicant, then each member), as the registry answered; 0 for a person whose insurance was not asked (household
 * registration or work-residence permit) and empty for an enterprise. The family points count them.
 * <p>
 * Revision 2 added {@code socialInsuranceYears}; a revision-1 event reads with none (an empty list), through
 * {@link ApplicationPrequalifiedEventUpcaster}.
 */
@Revision("2")
public record ApplicationPrequalifiedEvent(ApplicationCode code,
                                           List<Registry> registriesConsulted,
                                           Instant prequalifiedAt,
                                           String policyVersion,
                                           List<Integer> socialInsuranceYears) {

    public ApplicationPrequalifiedEvent {
        socialInsuranceYears = socialInsuranceYears == null ? List.of() : List.copyOf(socialInsuranceYears);
    }

    /** Without social insurance years (an enterprise, or no person's insurance asked). */
    public ApplicationPrequalifiedEvent(ApplicationCode code, List<Registry> registriesConsulted, Instant prequalifiedAt,
                                        String policyVersion) {
        this(code, registriesConsulted, prequalifiedAt, policyVersion, List.of());
    }
}
