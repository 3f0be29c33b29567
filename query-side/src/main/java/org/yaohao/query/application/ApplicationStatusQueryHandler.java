package org.yaohao.query.application;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.application.ApplicationStatusView;
import org.yaohao.kernel.application.FindApplicationStatusQuery;
import org.yaohao.kernel.round.FindRoundParticipationQuery;
import org.yaohao.kernel.round.RoundParticipationView;
import org.yaohao.query.quota.QuotaQueryHandler;

import java.util.Optional;

/**
 * Answers {@link FindApplicationStatusQuery} and {@link FindRoundParticipationQuery} from the status document. Axon unwraps the {@link Optional}: an absent
 * view travels as a {@code null} payload and callers ask with
 * {@code ResponseTypes.optionalInstanceOf(ApplicationStatusView.class)} (or {@code instanceOf}, getting {@code null}).
 */
@Component
class ApplicationStatusQueryHandler {

    private final ApplicationStatusRepository repository;
    private final QuotaQueryHandler quotas;

    ApplicationStatusQueryHandler(ApplicationStatusRepository repository, QuotaQueryHandler quotas) {
        this.repository = repository;
        this.quotas = quotas;
    }

    /** The status with the quotas the application won (from the quotas read model). */
    @QueryHandler
    Optional<ApplicationStatusView> handle(FindApplicationStatusQuery query) {
        return repository.lookUp(query.code().value()).map(document -> document.toView(repository::isDrawn)
                .withQuotas(quotas.ofApplication(query.code().value())));
    }

    /** Always answered: {@code tookPart = false} when the application is not known or has no entry in the round. */
    @QueryHandler
    RoundParticipationView handle(FindRoundParticipationQuery query) {
        return repository.lookUp(query.code().value())
                         .flatMap(document -> document.round(query.roundId().value()))
                         .map(round -> round.toParticipationView(repository::isDrawn))
                         .orElseGet(RoundParticipationView::notTakingPart);
    }
}
