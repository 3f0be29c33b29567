package org.yaohao.query.round;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.round.FindRoundQuery;
import org.yaohao.kernel.round.FindRoundResultsQuery;
import org.yaohao.kernel.round.FindRoundSummaryQuery;
import org.yaohao.kernel.round.FindRoundsQuery;
import org.yaohao.kernel.round.RoundResultsView;
import org.yaohao.kernel.round.RoundSummaryView;
import org.yaohao.kernel.round.RoundView;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Answers {@link FindRoundQuery}, {@link FindRoundResultsQuery}, {@link FindRoundSummaryQuery} and
 * {@link FindRoundsQuery} from the round documents. Axon unwraps the
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

    @QueryHandler
    Optional<RoundSummaryView> handle(FindRoundSummaryQuery query) {
        return repository.findSummary(query.roundId().value()).map(RoundDocument::toSummaryView);
    }

    /** Every round by draw date (a round without one last), then by id. */
    @QueryHandler
    List<RoundSummaryView> handle(FindRoundsQuery query) {
        return repository.findAllSummaries().stream()
                         .map(RoundDocument::toSummaryView)
                         .sorted(Comparator.comparing(RoundSummaryView::drawDate,
                                                      Comparator.nullsLast(Comparator.naturalOrder()))
                                           .thenComparing(RoundSummaryView::roundId))
                         .toList();
    }
}
