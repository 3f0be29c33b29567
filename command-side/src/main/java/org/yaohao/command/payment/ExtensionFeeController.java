package org.yaohao.command.payment;

import io.swagger.v3.oas.annotations.Parameter;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.command.web.RequestOrigin;
import org.yaohao.command.web.Violations;
import org.yaohao.kernel.quota.ExtensionRequest;
import org.yaohao.kernel.quota.QuotaId;
import org.yaohao.kernel.quota.RequestQuotaExtensionCommand;

import java.net.URI;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A holder extends a quota: {@code POST /api/quotas/{quotaId}/extensions} with how the 300-yuan fee is paid. The
 * quota records the request (or answers the one already awaiting its fee), then the fee goes to the gateway; the
 * extension takes effect when the gateway reports the money (at once with the embedded gateway, by callback with a
 * real one). A refusal by the quota (a fourth extension, an expired quota, ...) is the usual problem and no money
 * is asked for; a refusal by the gateway is 502 and the request lapses unpaid.
 */
@RestController
class ExtensionFeeController {

    record ExtensionFeeRequest(String method, String account) {
    }

    /** The extension requested and the gateway's answer to its fee. */
    record ExtensionView(String quotaId, int extension, long feeFen, Instant lapsesAt, PaymentOrder payment,
                         String quotaUrl) {
    }

    private final CommandGateway commands;
    private final PaymentPort payments;

    ExtensionFeeController(CommandGateway commands, PaymentPort payments) {
        this.commands = commands;
        this.payments = payments;
    }

    @PostMapping(path = "/api/quotas/{quotaId}/extensions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ExtensionView> extend(@PathVariable String quotaId, @RequestBody ExtensionFeeRequest request,
                                         @Parameter(hidden = true) RequestOrigin origin) {
        Violations v = new Violations();
        QuotaId id = v.parse("quotaId", quotaId, QuotaId::parse);
        PaymentMethod method = PaymentFields.method(v, "method", request.method());
        String account = PaymentFields.account(v, "account", request.account());
        v.throwIfAny();
        ExtensionRequest extension = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new RequestQuotaExtensionCommand(id)).andMetaData(origin.metaData()), 30, TimeUnit.SECONDS);
        PaymentOrder order = payments.requestExtensionFee(extension, method.name(), account);
        String quotaUrl = "/api/quotas/" + id;
        return ResponseEntity.created(URI.create(quotaUrl)).body(new ExtensionView(id.value(), extension.extension(),
                extension.fee().fen(), extension.lapsesAt(), order, quotaUrl));
    }

    @ExceptionHandler(PaymentGatewayException.class)
    ResponseEntity<ProblemDetail> gatewayFailed(PaymentGatewayException e) {
        return DepositPaymentController.gatewayProblem(e);
    }
}
