package org.yaohao.command.quota;

import io.swagger.v3.oas.annotations.Parameter;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.command.web.RequestOrigin;
import org.yaohao.command.web.Violations;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.InvalidValueException;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;
import org.yaohao.kernel.quota.BeijingPlate;
import org.yaohao.kernel.quota.QuotaId;
import org.yaohao.kernel.quota.QuotaStatus;
import org.yaohao.kernel.quota.RegisterVehicleCommand;
import org.yaohao.kernel.quota.RevokeQuotaCommand;
import org.yaohao.kernel.quota.Vin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;

/**
 * The quota's commands besides extension ({@code …/extensions}, with its fee, is in the payment package): a car
 * registered against it, and the regulator's revocation. Every field is checked first (400 naming it), then the
 * quota's rules (404, 409, 422); a refusal changes nothing.
 */
@RestController
class QuotaController {

    static final int REASON_MAX = 500;

    /** {@code ownerIdNumber}: the ID number of the person the car is registered to, or an enterprise's credit code. */
    record RegistrationRequest(String ownerIdNumber, String vin, String plateNumber, String registeredOn) {
    }

    record RevocationRequest(String reason) {
    }

    record QuotaStepView(String quotaId, QuotaStatus status, String quotaUrl) {
    }

    private final CommandGateway commands;

    QuotaController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping(path = "/api/quotas/{quotaId}/registration", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    QuotaStepView register(@PathVariable String quotaId, @RequestBody RegistrationRequest request,
                           @Parameter(hidden = true) RequestOrigin origin) {
        Violations v = new Violations();
        QuotaId id = v.parse("quotaId", quotaId, QuotaId::parse);
        String owner = v.parse("ownerIdNumber", request.ownerIdNumber(), QuotaController::idNumberOrCreditCode);
        Vin vin = v.parse("vin", request.vin(), Vin::of);
        BeijingPlate plate = v.parse("plateNumber", request.plateNumber(), BeijingPlate::of);
        LocalDate registeredOn = v.parse("registeredOn", request.registeredOn(), QuotaController::date);
        v.throwIfAny();
        send(new RegisterVehicleCommand(id, owner, vin, plate, registeredOn), origin);
        return new QuotaStepView(id.value(), QuotaStatus.USED, "/api/quotas/" + id);
    }

    @PostMapping(path = "/api/quotas/{quotaId}/revocation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    QuotaStepView revoke(@PathVariable String quotaId, @RequestBody RevocationRequest request,
                         @Parameter(hidden = true) RequestOrigin origin) {
        Violations v = new Violations();
        QuotaId id = v.parse("quotaId", quotaId, QuotaId::parse);
        String reason = v.required("reason", request.reason());
        if (reason != null && (reason.isBlank() || reason.length() > REASON_MAX)) {
            v.add("reason", ErrorCode.INVALID_VALUE, "a revocation states its reason in 1 to " + REASON_MAX
                    + " characters");
        }
        v.throwIfAny();
        send(new RevokeQuotaCommand(id, reason.strip()), origin);
        return new QuotaStepView(id.value(), QuotaStatus.REVOKED, "/api/quotas/" + id);
    }

    private void send(Object command, RequestOrigin origin) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(origin.metaData()),
                30, TimeUnit.SECONDS);
    }

    /** An ID number (GB 11643) or, failing its format, a credit code (GB 32100); the ID number's rule otherwise. */
    private static String idNumberOrCreditCode(String raw) {
        try {
            return ResidentIdNumber.of(raw).value();
        } catch (InvalidValueException notAnIdNumber) {
            if (notAnIdNumber.errorCode() == ErrorCode.ID_NUMBER_FORMAT) {
                try {
                    return UnifiedSocialCreditCode.of(raw).value();
                } catch (InvalidValueException notACreditCode) {
                    // the ID number's rule is the one most callers need to read
                }
            }
            throw notAnIdNumber;
        }
    }

    private static LocalDate date(String raw) {
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(ErrorCode.INVALID_VALUE, "'registeredOn' is a date, e.g. 2027-03-15");
        }
    }
}
