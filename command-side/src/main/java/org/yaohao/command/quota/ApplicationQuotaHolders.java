package org.yaohao.command.quota;

import org.springframework.stereotype.Component;
import org.yaohao.command.application.ApplicationLookup;
import org.yaohao.kernel.common.ApplicationCode;

/** The holders as the application's own event stream names them. */
@Component
class ApplicationQuotaHolders implements QuotaHolders {

    private final ApplicationLookup applications;

    ApplicationQuotaHolders(ApplicationLookup applications) {
        this.applications = applications;
    }

    @Override
    public boolean names(ApplicationCode code, String idNumberOrCreditCode) {
        return applications.names(code, idNumberOrCreditCode);
    }
}
