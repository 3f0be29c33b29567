package org.yaohao.command.deposit;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.command.web.RequestOrigin;
import org.yaohao.command.web.Violations;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.deposit.ChooseDepositCarryOverCommand;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.PaymentPlan;
import org.yaohao.kernel.deposit.RequestDepositCommand;
import org.yaohao.kernel.policy.Policy;
import org.yaohao.kernel.round.RoundId;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Opening an application's deposit for a round; paying it is {@code POST /api/deposits/{depositId}/payments}. */
@RestController
class DepositController {

    private final CommandGateway commands;
    private final PolicyCatalog policies;

    DepositController(CommandGateway commands, PolicyCatalog policies) {
        this.commands = commands;
        this.policies = policies;
    }

    record DepositRequest(String roundId, String plan) {
    }

    record CarryOverRequest(String nextRoundId) {
    }

    record CarryOverChosenView(String depositId, String nextRoundId) {
    }

    /** The deposit as opened: what is due and how it is split, shown to the payer before paying. */
    record DepositOpenedView(String depositId, String roundId, PaymentPlan plan, long amountDueFen,
                             List<Long> instalmentsFen, String paymentsUrl) {
    }

    @PostMapping(path = "/api/applications/{code}/deposits", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DepositOpenedView> open(@PathVariable String code, @RequestBody DepositRequest request,
                @Parameter(hidden = true) RequestOrigin origin) {
        Violations v = new Violations();
        ApplicationCode applicationCode = v.parse("code", code, ApplicationCode::new);
        RoundId round = v.parse("roundId", request.roundId(), RoundId::new);
        PaymentPlan plan = request.plan() == null ? PaymentPlan.FULL
                : v.parseEnum("plan", request.plan(), PaymentPlan.class, ErrorCode.INVALID_VALUE);
        v.throwIfAny();
        DepositId id = DepositId.of(applicationCode, round);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RequestDepositCommand(id, plan))
                .andMetaData(origin.metaData()), 30, TimeUnit.SECONDS);
        Policy policy = policies.active();
        MoneyFen due = DepositSplit.amountDue(round.quotaType(), policy);
        String payments = "/api/deposits/" + id + "/payments";
        return ResponseEntity.created(URI.create("/api/applications/" + applicationCode))
                .body(new DepositOpenedView(id.value(), round.value(), plan, due.fen(),
                        DepositSplit.instalments(due, plan, policy).stream().map(MoneyFen::fen).toList(), payments));
    }

    /**
     * The applicant's choice, before the results, to keep the deposit for a later round of the same type should the
     * application not win: it is then carried over instead of refunded.
     */
    @PostMapping(path = "/api/deposits/{depositId}/carry-over", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CarryOverChosenView chooseCarryOver(@PathVariable String depositId, @RequestBody CarryOverRequest request,
                                        @Parameter(hidden = true) RequestOrigin origin) {
        Violations v = new Violations();
        DepositId id = v.parse("depositId", depositId, DepositId::new);
        RoundId next = v.parse("nextRoundId", request.nextRoundId(), RoundId::new);
        v.throwIfAny();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ChooseDepositCarryOverCommand(id, next))
                .andMetaData(origin.metaData()), 30, TimeUnit.SECONDS);
        return new CarryOverChosenView(id.value(), next.value());
    }
}
