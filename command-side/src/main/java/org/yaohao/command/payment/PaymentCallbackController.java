package org.yaohao.command.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.command.web.InvalidRequestException;
import org.yaohao.command.web.Violation;
import org.yaohao.command.web.Violations;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.PaymentRoute;
import org.yaohao.kernel.quota.QuotaId;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The gateway's callback: {@code POST /api/payments/callbacks}, signed with {@value CallbackSignature#HEADER}
 * (docs/payment-gateway-contract.md). The signature is checked on the raw bytes before anything is read (401 if it
 * is missing or wrong); then every field is checked (400, naming the field and the rule); then the report goes to
 * {@link PaymentCallbacks}. A report the deposit already has is answered 200 as well, so the gateway may deliver
 * at least once. A refusal by the deposit is the usual problem (404 unknown deposit, 409, 422).
 */
@RestController
class PaymentCallbackController {

    private static final Logger log = LoggerFactory.getLogger(PaymentCallbackController.class);
    static final URI SIGNATURE_PROBLEM = URI.create("https://yaohao.example/problems/callback-signature-invalid");

    enum CallbackType { PAYMENT, PAYOUT, EXTENSION_FEE }

    /** The callback body, every field read as given and checked in {@link #check()}. */
    record GatewayCallback(String type, String paymentReference, String payoutReference, String depositId,
                           JsonNode amountFen, String method, String maskedAccount, String at, String quotaId,
                           JsonNode extension) {
    }

    record CallbackAnswer(boolean applied) {
    }

    private record Checked(CallbackType type, String paymentReference, String payoutReference, DepositId depositId,
                           MoneyFen amount, PaymentRoute route, Instant at, QuotaId quotaId, int extension) {
    }

    static class SignatureRejectedException extends RuntimeException {
        SignatureRejectedException(String message) {
            super(message);
        }
    }

    private final PaymentCallbacks callbacks;
    private final CallbackSignature signature;
    /** The application's mapper, tolerant of fields a newer gateway may add (they are signed all the same). */
    private final ObjectReader reader;

    PaymentCallbackController(PaymentCallbacks callbacks, CallbackSignature signature, ObjectMapper mapper) {
        this.callbacks = callbacks;
        this.signature = signature;
        this.reader = mapper.readerFor(GatewayCallback.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @PostMapping(path = "/api/payments/callbacks", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CallbackAnswer> callback(@RequestBody(required = false) byte[] body,
                                            @RequestHeader(name = CallbackSignature.HEADER, required = false)
                                            String signatureHeader) {
        byte[] raw = body == null ? new byte[0] : body;
        if (signatureHeader == null) {
            throw new SignatureRejectedException("header '" + CallbackSignature.HEADER + "' is missing");
        }
        if (!signature.verify(raw, signatureHeader)) {
            log.warn("Gateway callback refused: invalid {}", CallbackSignature.HEADER);
            throw new SignatureRejectedException("header '" + CallbackSignature.HEADER
                    + "' is not the HMAC-SHA256 of the body under the shared secret");
        }
        Checked report = check(read(raw));
        switch (report.type()) {
            case PAYMENT -> callbacks.paymentReceived(report.paymentReference(), report.depositId(), report.amount(),
                    report.route(), report.at());
            case PAYOUT -> callbacks.payoutConfirmed(report.depositId(), report.paymentReference(),
                    report.payoutReference(), report.at());
            case EXTENSION_FEE -> callbacks.extensionFeeReceived(report.paymentReference(), report.quotaId(),
                    report.extension(), report.amount(), report.at());
        }
        return ResponseEntity.ok(new CallbackAnswer(true));
    }

    @ExceptionHandler(SignatureRejectedException.class)
    ResponseEntity<ProblemDetail> signatureRejected(SignatureRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setType(SIGNATURE_PROBLEM);
        problem.setTitle("A gateway callback carries the HMAC-SHA256 of its body under the shared secret");
        problem.setProperty("code", "CALLBACK_SIGNATURE_INVALID");
        problem.setProperty("field", CallbackSignature.HEADER);
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private GatewayCallback read(byte[] raw) {
        try {
            GatewayCallback callback = raw.length == 0 ? null : reader.readValue(raw);
            if (callback != null) {
                return callback;
            }
        } catch (JsonMappingException e) {
            if (!e.getPath().isEmpty()) {
                String field = e.getPath().get(0).getFieldName();
                throw new InvalidRequestException(List.of(new Violation(field, ErrorCode.MALFORMED_REQUEST,
                        "'" + field + "' has the wrong JSON type")));
            }
        } catch (JsonProcessingException e) {
            // not JSON: answered below
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array failed", e);
        }
        throw new InvalidRequestException(List.of(new Violation(null, ErrorCode.MALFORMED_REQUEST,
                "the request body is missing or is not a well-formed JSON object")));
    }

    private static Checked check(GatewayCallback c) {
        Violations v = new Violations();
        CallbackType type = v.parseEnum("type", c.type(), CallbackType.class, ErrorCode.INVALID_VALUE);
        String paymentReference = PaymentFields.reference(v, "paymentReference", c.paymentReference());
        String payoutReference = null;
        if (type == CallbackType.PAYOUT) {
            payoutReference = PaymentFields.reference(v, "payoutReference", c.payoutReference());
        } else if (c.payoutReference() != null) {
            v.add("payoutReference", ErrorCode.INVALID_VALUE, "'payoutReference' is only given for type PAYOUT");
        }
        DepositId depositId = null;
        QuotaId quotaId = null;
        int extension = 0;
        if (type == CallbackType.EXTENSION_FEE) {
            quotaId = v.parse("quotaId", c.quotaId(), QuotaId::parse);
            if (c.extension() == null || !c.extension().canConvertToInt() || !c.extension().isIntegralNumber()
                    || c.extension().intValue() < 1) {
                v.add("extension", ErrorCode.INVALID_VALUE, "'extension' is the extension's number, 1 to 3");
            } else {
                extension = c.extension().intValue();
            }
            if (c.depositId() != null) {
                v.add("depositId", ErrorCode.INVALID_VALUE, "'depositId' is not given for type EXTENSION_FEE");
            }
        } else {
            depositId = v.parse("depositId", c.depositId(), DepositId::of);
        }
        MoneyFen amount = PaymentFields.amountFen(v, "amountFen", c.amountFen());
        PaymentMethod method = PaymentFields.method(v, "method", c.method());
        String maskedAccount = PaymentFields.maskedAccount(v, "maskedAccount", c.maskedAccount());
        Instant at = PaymentFields.instant(v, "at", c.at());
        v.throwIfAny();
        return new Checked(type, paymentReference, payoutReference, depositId, amount,
                new PaymentRoute(method.name(), maskedAccount), at, quotaId, extension);
    }
}
