package org.yaohao.command.application;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;

import java.util.List;

/**
 * What other aggregates' commands may ask of an application, read from its own event stream within the same unit of
 * work (so a withdrawal and a payment cannot pass each other).
 */
@Component
public class ApplicationLookup {

    private final Repository<Application> applications;

    ApplicationLookup(Repository<Application> applications) {
        this.applications = applications;
    }

    /** The quota type of an application that exists and is active (not withdrawn, not rejected). */
    public QuotaType activeQuotaType(ApplicationCode code) {
        Aggregate<Application> application = load(code);
        application.execute(Application::requireActive);
        return application.invoke(Application::quotaType);
    }

    /**
     * Whether the application names this person (main applicant or family member, by ID number) or enterprise (by
     * credit code). Compared through the claim ids the application keeps, so no ID number is held for it.
     */
    public boolean names(ApplicationCode code, String idNumberOrCreditCode) {
        List<String> claimIds = load(code).invoke(Application::claimIds);
        return ApplicantClaim.claimIdsNaming(idNumberOrCreditCode).stream().anyMatch(claimIds::contains);
    }

    private Aggregate<Application> load(ApplicationCode code) {
        try {
            return applications.load(code.value());
        } catch (AggregateNotFoundException e) {
            throw new DomainException(ErrorCode.APPLICATION_NOT_FOUND, "code", "no application has code " + code);
        }
    }
}
