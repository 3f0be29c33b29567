package org.yaohao.command.application;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.yaohao.kernel.application.ApplicantSignedInEvent;
import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.RecordApplicantSignInCommand;
import org.yaohao.kernel.application.ApplicationRejectedEvent;
import org.yaohao.kernel.application.ApplicationSentToManualReviewEvent;
import org.yaohao.kernel.application.ApplicationStatus;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.ApplicationWithdrawnEvent;
import org.yaohao.kernel.application.ChangeQuotaTypeCommand;
import org.yaohao.kernel.application.PrequalifyApplicationCommand;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.QuotaTypeChangedEvent;
import org.yaohao.kernel.application.RecordRoundOutcomeCommand;
import org.yaohao.kernel.application.RejectApplicationCommand;
import org.yaohao.kernel.application.RoundOutcomeRecordedEvent;
import org.yaohao.kernel.application.SendApplicationToManualReviewCommand;
import org.yaohao.kernel.application.SubmitApplicationCommand;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.policy.Policy;
import org.yaohao.kernel.round.RoundId;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One applicant's request to take part in quota allocation (申请). Created through
 * {@link ApplicationLifecycleHandler}, which also binds the persons named to it, so that a person is in at most one
 * active application.
 */
@Aggregate
public class Application {

    @AggregateIdentifier
    private ApplicationCode code;
    private ApplicationStatus status;
    private QuotaType quotaType;
    private String policyVersion;
    private List<String> claimIds;
    private Set<RoundId> roundsRecorded;
    private Set<String> signInDevices;

    protected Application() {
        // for Axon
    }

    /** Submits a command that passed {@link ApplicationRules}; {@code generations} as they derived it. */
    Application(SubmitApplicationCommand command, int generations, Policy policy, Instant now) {
        apply(new ApplicationSubmittedEvent(command.code(), command.kind(), command.quotaType(), command.applicant(),
                command.members(), generations, command.enterprise(), command.documents(), now, policy.version()));
    }

    @CommandHandler
    void handle(ChangeQuotaTypeCommand command) {
        requireActive();
        if (command.quotaType() == quotaType) {
            throw new DomainException(ErrorCode.QUOTA_TYPE_UNCHANGED, "quotaType",
                    "the application already competes for " + quotaType + " quota");
        }
        apply(new QuotaTypeChangedEvent(code, quotaType, command.quotaType(), policyVersion));
    }

    /*
     * The pre-qualification outcomes come from the pre-qualification process, which may deliver one more than once
     * (after a crash, or racing a withdrawal). An outcome for an application that is no longer waiting for one is
     * therefore ignored, not refused: refusing would make the process retry forever.
     */

    @CommandHandler
    void handle(PrequalifyApplicationCommand command, Clock clock) {
        if (awaitsOutcome()) {
            apply(new ApplicationPrequalifiedEvent(code, List.copyOf(command.registriesConsulted()), clock.instant(),
                    policyVersion, command.socialInsuranceYears()));
        }
    }

    @CommandHandler
    void handle(SendApplicationToManualReviewCommand command, Clock clock) {
        if (status == ApplicationStatus.AWAITING_PREQUALIFICATION) {
            apply(new ApplicationSentToManualReviewEvent(code, List.copyOf(command.unansweredRegistries()),
                    clock.instant(), policyVersion));
        }
    }

    /**
     * Called by {@link ApplicationLifecycleHandler}, which then releases the persons.
     *
     * @return whether the application was rejected (false: it no longer awaited an outcome)
     */
    boolean reject(RejectApplicationCommand command, Instant now) {
        if (!awaitsOutcome()) {
            return false;
        }
        apply(new ApplicationRejectedEvent(code, List.copyOf(command.failedChecks()), now, policyVersion));
        return true;
    }

    /** The round's outcome for this application; the results step may deliver it twice. */
    /**
     * A confirmed sign-in of the applicant, on any application status (a withdrawn applicant may still look theirs
     * up). A device not seen before, while others were, is flagged for the multi-device login alert.
     */
    @CommandHandler
    void handle(RecordApplicantSignInCommand command, Clock clock) {
        boolean newDevice = !signInDevices.isEmpty() && !signInDevices.contains(command.deviceFingerprint());
        apply(new ApplicantSignedInEvent(code, command.deviceFingerprint(), newDevice, clock.instant()));
    }

    @CommandHandler
    void handle(RecordRoundOutcomeCommand command) {
        if (roundsRecorded.contains(command.roundId())) {
            return;
        }
        apply(new RoundOutcomeRecordedEvent(code, command.roundId(), command.won(), command.sequence(),
                policyVersion));
    }

    /** Called by {@link ApplicationLifecycleHandler}, which then releases the persons. */
    void withdraw(String reason, Instant now) {
        requireActive();
        apply(new ApplicationWithdrawnEvent(code, reason, now, policyVersion));
    }

    ApplicationStatus status() {
        return status;
    }

    String policyVersion() {
        return policyVersion;
    }

    List<String> claimIds() {
        return claimIds;
    }

    QuotaType quotaType() {
        return quotaType;
    }

    void requireActive() {
        if (status == ApplicationStatus.WITHDRAWN) {
            throw new DomainException(ErrorCode.APPLICATION_WITHDRAWN, "code",
                    "application " + code + " has been withdrawn");
        }
        if (status == ApplicationStatus.REJECTED) {
            throw new DomainException(ErrorCode.APPLICATION_REJECTED, "code",
                    "application " + code + " was rejected at pre-qualification");
        }
    }

    private boolean awaitsOutcome() {
        return status == ApplicationStatus.AWAITING_PREQUALIFICATION || status == ApplicationStatus.MANUAL_REVIEW;
    }

    @EventSourcingHandler
    void on(ApplicationSubmittedEvent event) {
        code = event.code();
        status = ApplicationStatus.AWAITING_PREQUALIFICATION;
        quotaType = event.quotaType();
        policyVersion = event.policyVersion();
        roundsRecorded = new HashSet<>();
        signInDevices = new HashSet<>();
        claimIds = ApplicantClaim.claimIdsOf(event.kind(), event.applicant(), event.members(), event.enterprise())
                .stream().map(ApplicantClaim.Subject::claimId).toList();
    }

    @EventSourcingHandler
    void on(ApplicationPrequalifiedEvent event) {
        status = ApplicationStatus.PREQUALIFIED;
    }

    @EventSourcingHandler
    void on(ApplicationRejectedEvent event) {
        status = ApplicationStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ApplicationSentToManualReviewEvent event) {
        status = ApplicationStatus.MANUAL_REVIEW;
    }

    @EventSourcingHandler
    void on(QuotaTypeChangedEvent event) {
        quotaType = event.to();
    }

    @EventSourcingHandler
    void on(RoundOutcomeRecordedEvent event) {
        roundsRecorded.add(event.roundId());
        if (event.won()) {
            status = ApplicationStatus.DRAWN;
        }
    }

    @EventSourcingHandler
    void on(ApplicantSignedInEvent event) {
        signInDevices.add(event.deviceFingerprint());
    }

    @EventSourcingHandler
    void on(ApplicationWithdrawnEvent event) {
        status = ApplicationStatus.WITHDRAWN;
    }
}
