package org.yaohao.command.quota;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.policy.Policy;
import org.yaohao.kernel.quota.ExtensionRequest;
import org.yaohao.kernel.quota.IssueQuotaCommand;
import org.yaohao.kernel.quota.PayQuotaExtensionFeeCommand;
import org.yaohao.kernel.quota.QuotaExpiredEvent;
import org.yaohao.kernel.quota.QuotaExtendedEvent;
import org.yaohao.kernel.quota.QuotaExtensionLapsedEvent;
import org.yaohao.kernel.quota.QuotaExtensionRequestedEvent;
import org.yaohao.kernel.quota.QuotaId;
import org.yaohao.kernel.quota.QuotaIssuedEvent;
import org.yaohao.kernel.quota.QuotaRevokedEvent;
import org.yaohao.kernel.quota.QuotaStatus;
import org.yaohao.kernel.quota.QuotaUsedEvent;
import org.yaohao.kernel.quota.RegisterVehicleCommand;
import org.yaohao.kernel.quota.RequestQuotaExtensionCommand;
import org.yaohao.kernel.quota.RevokeQuotaCommand;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A quota won in a draw or ranking (rule book, Quota lifecycle): "valid 12 months from issue" (the policy's number);
 * "up to 3 extensions of 6 months each, requested before the current expiry, 300 yuan per extension"; "used when a
 * car is registered against it (VIN and plate number); expired at the end of its validity if unused; may be revoked
 * by the regulator (fraud), with the reason recorded."
 * <p>
 * An extension takes effect when its fee is paid through the gateway; a request not paid within
 * {@link #PAYMENT_WINDOW} (or by the end of the validity, if sooner) lapses. Expiry and lapse are deadlines in the
 * persistent deadline manager, so one that fell due while the system was down fires when it starts; both handlers
 * look at the quota's state, so a deadline made stale by an extension, a use or a revocation does nothing, and
 * none is ever cancelled. Every command also treats a quota past its last valid day as expired, even before the
 * expiry deadline has fired.
 */
@Aggregate
public class Quota {

    static final int MAX_EXTENSIONS = 3;
    static final int EXTENSION_MONTHS = 6;
    static final MoneyFen EXTENSION_FEE = MoneyFen.ofYuan(300);
    static final Duration PAYMENT_WINDOW = Duration.ofHours(24);
    static final String EXPIRY = "quota-expiry";
    static final String EXTENSION_LAPSE = "quota-extension-lapse";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @AggregateIdentifier
    private QuotaId quotaId;
    private ApplicationCode code;
    private QuotaType quotaType;
    private LocalDate issuedOn;
    private LocalDate validUntil;
    private QuotaStatus status;
    private int extensions;
    private Integer pendingExtension;
    private Instant pendingLapsesAt;
    private Set<String> feesPaid;

    protected Quota() {
        // for Axon
    }

    /** Issuing it again, as a replayed results step does, changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(IssueQuotaCommand command, PolicyCatalog policies, DeadlineManager deadlines) {
        if (quotaId != null) {
            return;
        }
        Policy policy = policies.active();
        LocalDate lastValidDay = command.issuedOn().plusMonths(policy.quotaValidityMonths()).minusDays(1);
        apply(new QuotaIssuedEvent(command.quotaId(), command.code(), command.roundId(), command.quotaType(),
                command.sequence(), command.issuedOn(), lastValidDay, policy.version()));
        deadlines.schedule(endOf(lastValidDay), EXPIRY);
    }

    /** Asks for the next extension; while one awaits its fee, that one is the answer. */
    @CommandHandler
    ExtensionRequest handle(RequestQuotaExtensionCommand command, Clock clock, DeadlineManager deadlines) {
        Instant now = clock.instant();
        requireValid(now);
        if (pendingExtension != null) {
            return new ExtensionRequest(quotaId, pendingExtension, EXTENSION_FEE, pendingLapsesAt);
        }
        if (extensions >= MAX_EXTENSIONS) {
            throw new DomainException(ErrorCode.QUOTA_EXTENSIONS_EXHAUSTED, "quotaId", "quota " + quotaId
                    + " has been extended " + MAX_EXTENSIONS + " times already");
        }
        int next = extensions + 1;
        Instant window = now.plus(PAYMENT_WINDOW);
        Instant lapsesAt = window.isBefore(endOf(validUntil)) ? window : endOf(validUntil);
        apply(new QuotaExtensionRequestedEvent(quotaId, code, next, EXTENSION_FEE, now, lapsesAt));
        deadlines.schedule(lapsesAt, EXTENSION_LAPSE, next);
        return new ExtensionRequest(quotaId, next, EXTENSION_FEE, lapsesAt);
    }

    /** The gateway's report of the fee; the same payment reported again changes nothing. */
    @CommandHandler
    void handle(PayQuotaExtensionFeeCommand command, Clock clock, DeadlineManager deadlines) {
        if (feesPaid.contains(command.paymentReference())) {
            return;
        }
        requireValid(clock.instant());
        if (pendingExtension == null || pendingExtension != command.extension()
                || !clock.instant().isBefore(pendingLapsesAt)) {
            throw new DomainException(ErrorCode.EXTENSION_NOT_PENDING, "extension", "extension "
                    + command.extension() + " of quota " + quotaId + " does not await its fee");
        }
        if (!command.amount().equals(EXTENSION_FEE)) {
            throw new DomainException(ErrorCode.EXTENSION_FEE_MISMATCH, "amountFen", "the fee of an extension is "
                    + EXTENSION_FEE.fen() + " fen", Map.of("feeFen", String.valueOf(EXTENSION_FEE.fen())));
        }
        // six months of validity after the last valid day: valid until 2027-11-30 (a year from 2026-12-01) is
        // extended to 2028-05-31, not to 2028-05-30 as adding the months to the last day itself would give
        LocalDate extended = validUntil.plusDays(1).plusMonths(EXTENSION_MONTHS).minusDays(1);
        apply(new QuotaExtendedEvent(quotaId, code, command.extension(), validUntil, extended, command.amount(),
                command.paymentReference(), command.paidAt()));
        deadlines.schedule(endOf(extended), EXPIRY);
    }

    /** A car registered to the holder, with a plate of the quota's type, on a day within the validity. */
    @CommandHandler
    void handle(RegisterVehicleCommand command, QuotaHolders holders, Clock clock) {
        Instant now = clock.instant();
        requireValid(now);
        if (!holders.names(code, command.ownerId())) {
            throw new DomainException(ErrorCode.REGISTRANT_NOT_HOLDER, "ownerIdNumber",
                    "the car's owner is not named in application " + code + ", which holds quota " + quotaId);
        }
        if (command.plateNumber().quotaType() != quotaType) {
            throw new DomainException(ErrorCode.PLATE_TYPE_MISMATCH, "plateNumber", "quota " + quotaId + " is "
                    + quotaType + "; the plate is for a " + command.plateNumber().quotaType() + " car");
        }
        LocalDate today = LocalDate.ofInstant(now, BEIJING);
        LocalDate registeredOn = command.registeredOn();
        if (registeredOn.isBefore(issuedOn) || registeredOn.isAfter(validUntil) || registeredOn.isAfter(today)) {
            throw new DomainException(ErrorCode.REGISTRATION_OUTSIDE_VALIDITY, "registeredOn", "quota " + quotaId
                    + " is valid from " + issuedOn + " to " + validUntil + "; a registration is not in the future");
        }
        apply(new QuotaUsedEvent(quotaId, code, command.vin(), command.plateNumber(), registeredOn, now));
    }

    @CommandHandler
    void handle(RevokeQuotaCommand command, Clock clock) {
        Instant now = clock.instant();
        requireValid(now);
        apply(new QuotaRevokedEvent(quotaId, code, command.reason(), now));
    }

    /** The end of the validity; a stale deadline (the quota was extended, used or revoked since) does nothing. */
    @DeadlineHandler(deadlineName = EXPIRY, payloadType = Void.class)
    void expire(Clock clock) {
        Instant now = clock.instant();
        if (status != QuotaStatus.VALID || now.isBefore(endOf(validUntil))) {
            return;
        }
        if (pendingExtension != null) {
            apply(new QuotaExtensionLapsedEvent(quotaId, code, pendingExtension, now));
        }
        apply(new QuotaExpiredEvent(quotaId, code, validUntil, now));
    }

    @DeadlineHandler(deadlineName = EXTENSION_LAPSE)
    void lapse(Integer extension, Clock clock) {
        if (status == QuotaStatus.VALID && pendingExtension != null && pendingExtension.equals(extension)) {
            apply(new QuotaExtensionLapsedEvent(quotaId, code, extension, clock.instant()));
        }
    }

    private void requireValid(Instant now) {
        switch (status) {
            case USED -> throw new DomainException(ErrorCode.QUOTA_USED, "quotaId",
                    "a car is already registered against quota " + quotaId);
            case REVOKED -> throw new DomainException(ErrorCode.QUOTA_REVOKED, "quotaId",
                    "quota " + quotaId + " was revoked");
            case EXPIRED -> throw expired();
            case VALID -> {
                if (!now.isBefore(endOf(validUntil))) {
                    throw expired();
                }
            }
        }
    }

    private DomainException expired() {
        return new DomainException(ErrorCode.QUOTA_EXPIRED, "quotaId",
                "quota " + quotaId + " was valid until " + validUntil);
    }

    /** The first moment after the last valid day, Beijing time. */
    static Instant endOf(LocalDate lastValidDay) {
        return lastValidDay.plusDays(1).atStartOfDay(BEIJING).toInstant();
    }

    @EventSourcingHandler
    void on(QuotaIssuedEvent event) {
        quotaId = event.quotaId();
        code = event.code();
        quotaType = event.quotaType();
        issuedOn = event.issuedOn();
        validUntil = event.validUntil();
        status = QuotaStatus.VALID;
        feesPaid = new HashSet<>();
    }

    @EventSourcingHandler
    void on(QuotaExtensionRequestedEvent event) {
        pendingExtension = event.extension();
        pendingLapsesAt = event.lapsesAt();
    }

    @EventSourcingHandler
    void on(QuotaExtendedEvent event) {
        extensions = event.extension();
        validUntil = event.validUntil();
        pendingExtension = null;
        pendingLapsesAt = null;
        feesPaid.add(event.paymentReference());
    }

    @EventSourcingHandler
    void on(QuotaExtensionLapsedEvent event) {
        pendingExtension = null;
        pendingLapsesAt = null;
    }

    @EventSourcingHandler
    void on(QuotaUsedEvent event) {
        status = QuotaStatus.USED;
    }

    @EventSourcingHandler
    void on(QuotaExpiredEvent event) {
        status = QuotaStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(QuotaRevokedEvent event) {
        status = QuotaStatus.REVOKED;
    }
}
