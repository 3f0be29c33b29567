package org.yaohao.query.round;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.kernel.common.InvalidValueException;
import org.yaohao.kernel.round.FindRoundQuery;
import org.yaohao.kernel.round.FindRoundResultsQuery;
import org.yaohao.kernel.round.RoundId;
import org.yaohao.kernel.round.RoundResultsView;
import org.yaohao.kernel.round.RoundStatus;
import org.yaohao.kernel.round.RoundView;

import java.util.concurrent.CompletableFuture;

/**
 * A round as the public and regulators see it, through the query bus. Refusals become problem details in
 * {@code QueryProblemHandler}. The frozen pools' texts are downloaded from {@link FrozenPoolController}.
 */
@RestController
@RequestMapping("/api/rounds")
class RoundQueryController {

    private final QueryGateway queryGateway;

    RoundQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** 200 with the view; 400 when {@code roundId} is malformed; 404 when no round has it. */
    @GetMapping("/{roundId}")
    CompletableFuture<ResponseEntity<RoundView>> round(@PathVariable("roundId") String roundId) {
        RoundId id = parse(roundId);
        return queryGateway.query(new FindRoundQuery(id), ResponseTypes.optionalInstanceOf(RoundView.class))
                           .thenApply(view -> view.map(ResponseEntity::ok)
                                                  .orElseThrow(() -> RoundNotFoundException.round(id.value())));
    }

    /**
     * 200 with the winners per pool in draw order once the round is drawn (status {@code DRAWN} or
     * {@code RESULTS_PUBLISHED}); 409 ({@code ROUND_WRONG_STATE}, property {@code roundStatus}) before that, so a
     * reader never mistakes "not drawn yet" for "nobody won"; 400 when {@code roundId} is malformed; 404 when no
     * round has it.
     */
    @GetMapping("/{roundId}/results")
    CompletableFuture<ResponseEntity<RoundResultsView>> results(@PathVariable("roundId") String roundId) {
        RoundId id = parse(roundId);
        return queryGateway.query(new FindRoundResultsQuery(id),
                                  ResponseTypes.optionalInstanceOf(RoundResultsView.class))
                           .thenApply(view -> {
                               RoundResultsView results = view.orElseThrow(
                                       () -> RoundNotFoundException.round(id.value()));
                               if (results.status().compareTo(RoundStatus.DRAWN) < 0) {
                                   throw new RoundNotDrawnException(id.value(), results.status());
                               }
                               return ResponseEntity.ok(results);
                           });
    }

    /** The round id, or a refusal naming the rule it breaks, as decided by the kernel. */
    static RoundId parse(String roundId) {
        try {
            return RoundId.of(roundId);
        } catch (InvalidValueException e) {
            throw new InvalidRoundIdException(e.errorCode(), e.getMessage());
        }
    }
}
