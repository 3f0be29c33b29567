package org.yaohao.query.round;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.InvalidValueException;
import org.yaohao.kernel.round.FindRoundQuery;
import org.yaohao.kernel.round.FindRoundParticipationQuery;
import org.yaohao.kernel.round.FindRoundResultsQuery;
import org.yaohao.kernel.round.FindRoundSummaryQuery;
import org.yaohao.kernel.round.FindRoundsQuery;
import org.yaohao.kernel.round.RoundId;
import org.yaohao.kernel.round.RoundParticipationView;
import org.yaohao.kernel.round.RoundResultsView;
import org.yaohao.kernel.round.RoundStatus;
import org.yaohao.kernel.round.RoundSummaryView;
import org.yaohao.kernel.round.RoundView;
import org.yaohao.query.application.InvalidApplicationCodeException;
import org.yaohao.query.config.Answers;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A round as the public and regulators see it, through the query bus. Refusals become problem details in
 * {@code QueryProblemHandler}. The frozen pools' texts are downloaded from {@link FrozenPoolController}.
 */
@RestController
@RequestMapping("/api/rounds")
class RoundQueryController {

    private final QueryGateway queryGateway;

    /** Rounds known to exist: a round is never removed, so the result look-ups of a known round skip asking. */
    private final Set<RoundId> knownRounds = ConcurrentHashMap.newKeySet();

    RoundQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** 200 with every known round (id, quota type, status, draw date, cut-off, policy version), by draw date then id. */
    @GetMapping
    CompletableFuture<List<RoundSummaryView>> rounds() {
        return queryGateway.query(new FindRoundsQuery(), ResponseTypes.multipleInstancesOf(RoundSummaryView.class));
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

    /**
     * 200 with one application's part in the round: its pool, its entries (an enterprise's {@code code-1} …
     * {@code code-5}) with weight and, when drawn, sequence number, and whether it was drawn ({@code null} until
     * known); {@code {"tookPart":false}} when the application had no entry in the round. 400 when {@code roundId} or
     * {@code code} is malformed; 404 when no round has the id. Whether the round is known is asked first, so an
     * unknown round is never answered with "did not take part".
     */
    @GetMapping("/{roundId}/results/{code}")
    ResponseEntity<RoundParticipationView> participation(@PathVariable("roundId") String roundId,
                                                         @PathVariable("code") String code) {
        RoundId id = parse(roundId);
        ApplicationCode applicationCode = parseCode(code);
        if (!knownRounds.contains(id)) {
            Answers.now(queryGateway.query(new FindRoundSummaryQuery(id),
                                           ResponseTypes.optionalInstanceOf(RoundSummaryView.class)))
                   .orElseThrow(() -> RoundNotFoundException.round(id.value()));
            knownRounds.add(id);
        }
        RoundParticipationView view = Answers.now(queryGateway.query(
                new FindRoundParticipationQuery(id, applicationCode), ResponseTypes.instanceOf(RoundParticipationView.class)));
        return ResponseEntity.ok(view == null ? RoundParticipationView.notTakingPart() : view);
    }

    /** The round id, or a refusal naming the rule it breaks, as decided by the kernel. */
    static RoundId parse(String roundId) {
        try {
            return RoundId.of(roundId);
        } catch (InvalidValueException e) {
            throw new InvalidRoundIdException(e.errorCode(), e.getMessage());
        }
    }

    /** The application code, or a refusal naming the rule it breaks (format or check digit); the text is not echoed. */
    private static ApplicationCode parseCode(String code) {
        try {
            return ApplicationCode.of(code);
        } catch (InvalidValueException e) {
            throw new InvalidApplicationCodeException(e.errorCode(), e.getMessage());
        }
    }
}
