package org.yaohao.command.application;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;

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
        Aggregate<Application> application;
        try {
            application = applications.load(code.value());
        } catch (AggregateNotFoundException e) {
            throw new DomainException(ErrorCode.APPLICATION_NOT_FOUND, "code", "no application has code " + code);
        }
        application.execute(Application::requireActive);
        return application.invoke(Application::quotaType);
    }
}
