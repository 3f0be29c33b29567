package org.yaohao.command.payment;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.command.web.Violations;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.deposit.DepositId;

import java.net.URI;

/**
 * A payer pays (part of) a deposit: {@code POST /api/deposits/{depositId}/payments}. The request goes to the
 * gateway; the deposit learns of the money only from the gateway's report (at once with the embedded gateway, by
 * callback with a real one). A refusal by the deposit (e.g. {@code PAYMENT_EXCEEDS_AMOUNT_DUE}) is the usual
 * problem, and the embedded gateway then keeps no record of the payment. The account is passed to the gateway and
 * never logged nor answered.
 */
@RestController
class DepositPaymentController {

    static final URI GATEWAY_PROBLEM = URI.create("https://yaohao.example/problems/payment-gateway-failed");

    /** {@code amountFen} is read as a JSON node so 666.67 is refused by name, not truncated to 666. */
    record PaymentRequest(JsonNode amountFen, String method, String account) {
    }

    private final PaymentPort payments;

    DepositPaymentController(PaymentPort payments) {
        this.payments = payments;
    }

    @PostMapping(path = "/api/deposits/{depositId}/payments", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PaymentOrder> pay(@PathVariable String depositId, @RequestBody PaymentRequest request) {
        Violations v = new Violations();
        DepositId deposit = v.parse("depositId", depositId, DepositId::of);
        MoneyFen amount = PaymentFields.amountFen(v, "amountFen", request.amountFen());
        PaymentMethod method = PaymentFields.method(v, "method", request.method());
        String account = PaymentFields.account(v, "account", request.account());
        v.throwIfAny();
        return ResponseEntity.ok(payments.requestPayment(deposit, amount, method.name(), account));
    }

    @ExceptionHandler(PaymentGatewayException.class)
    ResponseEntity<ProblemDetail> gatewayFailed(PaymentGatewayException e) {
        return gatewayProblem(e);
    }

    /** 502: the gateway refused or did not answer; no money was taken. */
    static ResponseEntity<ProblemDetail> gatewayProblem(PaymentGatewayException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setType(GATEWAY_PROBLEM);
        problem.setTitle("The payment gateway refused the request or did not answer; no money was taken");
        problem.setProperty("code", "PAYMENT_GATEWAY_FAILED");
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
