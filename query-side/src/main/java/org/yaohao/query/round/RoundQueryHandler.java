package org.yaohao.query.round;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.round.FindRoundQuery;
import org.yaohao.kernel.round.FindRoundResultsQuery;
import org.yaohao.kernel.round.RoundResultsView;
import org.yaohao.kernel.round.RoundView;

import java.util.Optional;

/**
 * Answers {@link FindRoundQuery} and {@link FindRoundResultsQuery} from the round document. Axon unwraps the
 * {@link Optional}: callers ask with {@code ResponseTypes.optionalInstanceOf(…View.class)}. The results view carries
 * the round's status; whether results may be shown yet is the caller's decision (see {@code RoundQueryController}).
 */
@Component
class RoundQueryHandler {

    private final RoundRepository repository;

    RoundQueryHandler(RoundRepository repository) {
        this.repository = repository;
    }

    @QueryHandler
    Optional<RoundView> handle(FindRoundQuery query) {
        return repository.find(query.roundId().value()).map(RoundDocument::toView);
    }

    @QueryHandler
    Optional<RoundResultsView> handle(FindRoundResultsQuery query) {
        return repository.find(query.roundId().value()).map(RoundDocument::toResultsView);
    }
}
