package org.yaohao.command.round;

import io.swagger.v3.oas.annotations.Parameter;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.command.web.RequestOrigin;
import org.yaohao.command.web.Violations;
import org.yaohao.kernel.round.CommitSeedCommand;
import org.yaohao.kernel.round.DrawRoundCommand;
import org.yaohao.kernel.round.FreezePoolsCommand;
import org.yaohao.kernel.round.PublishRoundResultsCommand;
import org.yaohao.kernel.round.RoundId;
import org.yaohao.kernel.round.RoundStatus;
import org.yaohao.kernel.round.ScheduleRoundCommand;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/** The round's steps, for operators and the regulator. */
@RestController
@RequestMapping(path = "/api/rounds", produces = MediaType.APPLICATION_JSON_VALUE)
class RoundController {

    private final CommandGateway commands;

    RoundController(CommandGateway commands) {
        this.commands = commands;
    }

    record ScheduleRequest(String roundId) {
    }

    record CommitmentRequest(String commitment) {
    }

    record SeedRequest(String seed) {
    }

    record RoundStepView(String roundId, RoundStatus status) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RoundStepView> schedule(@RequestBody ScheduleRequest request,
                                           @Parameter(hidden = true) RequestOrigin origin) {
        RoundId id = roundId(request.roundId(), "roundId");
        send(new ScheduleRoundCommand(id), origin);
        return ResponseEntity.created(URI.create("/api/rounds/" + id)).body(new RoundStepView(id.value(),
                RoundStatus.SCHEDULED));
    }

    @PostMapping(path = "/{roundId}/seed-commitment", consumes = MediaType.APPLICATION_JSON_VALUE)
    RoundStepView commit(@PathVariable String roundId, @RequestBody CommitmentRequest request,
                         @Parameter(hidden = true) RequestOrigin origin) {
        RoundId id = roundId(roundId, "roundId");
        send(new CommitSeedCommand(id, request.commitment()), origin);
        return new RoundStepView(id.value(), RoundStatus.SEED_COMMITTED);
    }

    @PostMapping(path = "/{roundId}/pool-freeze")
    RoundStepView freeze(@PathVariable String roundId, @Parameter(hidden = true) RequestOrigin origin) {
        RoundId id = roundId(roundId, "roundId");
        send(new FreezePoolsCommand(id), origin);
        return new RoundStepView(id.value(), RoundStatus.POOLS_FROZEN);
    }

    @PostMapping(path = "/{roundId}/draw", consumes = MediaType.APPLICATION_JSON_VALUE)
    RoundStepView draw(@PathVariable String roundId, @RequestBody SeedRequest request,
                       @Parameter(hidden = true) RequestOrigin origin) {
        RoundId id = roundId(roundId, "roundId");
        send(new DrawRoundCommand(id, request.seed()), origin);
        return new RoundStepView(id.value(), RoundStatus.DRAWN);
    }

    @PostMapping(path = "/{roundId}/results-publication")
    RoundStepView publish(@PathVariable String roundId, @Parameter(hidden = true) RequestOrigin origin) {
        RoundId id = roundId(roundId, "roundId");
        send(new PublishRoundResultsCommand(id), origin);
        return new RoundStepView(id.value(), RoundStatus.RESULTS_PUBLISHED);
    }

    private static RoundId roundId(String raw, String field) {
        Violations v = new Violations();
        RoundId id = v.parse(field, raw, RoundId::new);
        v.throwIfAny();
        return id;
    }

    private void send(Object command, RequestOrigin origin) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(origin.metaData()),
                60, TimeUnit.SECONDS);
    }
}
