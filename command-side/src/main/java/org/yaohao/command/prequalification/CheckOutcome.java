package org.yaohao.command.prequalification;

import org.yaohao.kernel.application.FailedCheck;
import org.yaohao.kernel.application.Registry;

import java.util.List;

/**
 * What one run of the pre-qualification checks found.
 *
 * @param consulted    the registries asked, each once, in {@link Registry} order
 * @param failedChecks every check that failed, in the order of the application's people (applicant, then members)
 * @param unanswered   the registries that could not be asked, each once, in {@link Registry} order; the checks that
 *                     depend on them were not judged
 */
public record CheckOutcome(List<Registry> consulted, List<FailedCheck> failedChecks, List<Registry> unanswered,
                           List<Integer> socialInsuranceYears) {

    public CheckOutcome {
        consulted = List.copyOf(consulted);
        failedChecks = List.copyOf(failedChecks);
        unanswered = List.copyOf(unanswered);
        socialInsuranceYears = List.copyOf(socialInsuranceYears);
    }

    public CheckOutcome(List<Registry> consulted, List<FailedCheck> failedChecks, List<Registry> unanswered) {
        this(consulted, failedChecks, unanswered, List.of());
    }

    /** Every registry answered, so the outcome is final. */
    public boolean complete() {
        return unanswered.isEmpty();
    }

    /** Every registry answered and no check failed: the application is prequalified. */
    public boolean passed() {
        return complete() && failedChecks.isEmpty();
    }
}
