package org.yaohao.command.application;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.command.web.RequestOrigin;
import org.yaohao.command.web.Violations;
import org.yaohao.kernel.application.ApplicationStatus;
import org.yaohao.kernel.application.ChangeQuotaTypeCommand;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.SubmitApplicationCommand;
import org.yaohao.kernel.application.WithdrawApplicationCommand;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.ErrorCode;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/** The Application's command API. */
@RestController
@RequestMapping(path = "/api/applications", produces = MediaType.APPLICATION_JSON_VALUE)
class ApplicationController {

    /** A submission that lost a race for a person is retried; the retry then sees who holds the person. */
    private static final int ATTEMPTS = 5;

    private final CommandGateway commands;

    ApplicationController(CommandGateway commands) {
        this.commands = commands;
    }

    record SubmittedView(String code, ApplicationStatus status, String statusUrl) {
    }

    record QuotaTypeRequest(String quotaType) {
    }

    record QuotaTypeView(String code, QuotaType quotaType) {
    }

    record WithdrawalRequest(String reason) {
    }

    record WithdrawnView(String code, ApplicationStatus status) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubmittedView> submit(@RequestBody SubmitApplicationRequest request,
                @Parameter(hidden = true) RequestOrigin origin) {
        SubmitApplicationCommand command = request.toCommand(ApplicationCode.random());
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(origin.metaData()),
                        30, TimeUnit.SECONDS);
                String location = "/api/applications/" + command.code();
                return ResponseEntity.created(URI.create(location)).body(new SubmittedView(command.code().value(),
                        ApplicationStatus.AWAITING_PREQUALIFICATION, location));
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                command = command.withCode(ApplicationCode.random()); // in case the code itself collided
            }
        }
    }

    @PostMapping(path = "/{code}/quota-type", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<QuotaTypeView> changeQuotaType(@PathVariable String code, @RequestBody QuotaTypeRequest request,
                @Parameter(hidden = true) RequestOrigin origin) {
        Violations v = new Violations();
        ApplicationCode applicationCode = v.parse("code", code, ApplicationCode::new);
        QuotaType quotaType = v.parseEnum("quotaType", request.quotaType(), QuotaType.class, ErrorCode.INVALID_VALUE);
        v.throwIfAny();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ChangeQuotaTypeCommand(applicationCode,
                quotaType)).andMetaData(origin.metaData()), 30, TimeUnit.SECONDS);
        return ResponseEntity.ok(new QuotaTypeView(applicationCode.value(), quotaType));
    }

    @PostMapping(path = "/{code}/withdrawal")
    ResponseEntity<WithdrawnView> withdraw(@PathVariable String code,
                                           @RequestBody(required = false) WithdrawalRequest request,
                @Parameter(hidden = true) RequestOrigin origin) {
        Violations v = new Violations();
        ApplicationCode applicationCode = v.parse("code", code, ApplicationCode::new);
        String reason = request == null ? null : request.reason();
        if (reason != null && reason.length() > 500) {
            v.add("reason", ErrorCode.INVALID_VALUE, "'reason' has at most 500 characters");
        }
        v.throwIfAny();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new WithdrawApplicationCommand(applicationCode,
                reason)).andMetaData(origin.metaData()), 30, TimeUnit.SECONDS);
        return ResponseEntity.ok(new WithdrawnView(applicationCode.value(), ApplicationStatus.WITHDRAWN));
    }
}
