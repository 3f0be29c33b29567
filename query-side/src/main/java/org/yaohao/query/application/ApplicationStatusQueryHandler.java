package org.yaohao.query.application;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.application.ApplicationStatusView;
import org.yaohao.kernel.application.FindApplicationStatusQuery;

import java.util.Optional;

/**
 * Answers {@link FindApplicationStatusQuery} from the status document. Axon unwraps the {@link Optional}: an absent
 * view travels as a {@code null} payload and callers ask with
 * {@code ResponseTypes.optionalInstanceOf(ApplicationStatusView.class)} (or {@code instanceOf}, getting {@code null}).
 */
@Component
class ApplicationStatusQueryHandler {

    private final ApplicationStatusRepository repository;

    ApplicationStatusQueryHandler(ApplicationStatusRepository repository) {
        this.repository = repository;
    }

    @QueryHandler
    Optional<ApplicationStatusView> handle(FindApplicationStatusQuery query) {
        return repository.find(query.code().value()).map(ApplicationStatusDocument::toView);
    }
}
