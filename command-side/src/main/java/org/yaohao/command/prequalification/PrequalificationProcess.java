package org.yaohao.command.prequalification;

import org.yaohao.command.process.OutcomeDispatcher;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.ApplicationRejectedEvent;
import org.yaohao.kernel.application.ApplicationSentToManualReviewEvent;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.ApplicationWithdrawnEvent;
import org.yaohao.kernel.application.PrequalifyApplicationCommand;
import org.yaohao.kernel.application.RejectApplicationCommand;
import org.yaohao.kernel.application.SendApplicationToManualReviewCommand;
import org.yaohao.kernel.policy.Policy;

import java.time.Instant;

/**
 * Pre-qualification (资格预审) as a process: "social insurance, income tax, driver's licence, residence permit, car
 * ownership and (enterprise) tax are checked against the external registries. The answer is due within 24 hours of
 * submission; an application whose checks have not all answered by then goes to manual review, it is never silently
 * dropped."
 * <p>
 * On submission the registries are asked at once; registries that did not answer are asked again every
 * {@link Policy#registryRetryInterval()}; when all have answered the outcome is sent as a command, within the same
 * step (see {@link OutcomeDispatcher}). The deadline ({@link Policy#prequalificationDeadline()} after submission)
 * is held by a persistent deadline manager, so one that passed while the system was down fires when it starts
 * again; from then on no automatic outcome is sent, only the manual review. The process ends when it sees the
 * outcome recorded on the application, or its withdrawal.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PrequalificationProcess {

    static final String DEADLINE = "prequalification-deadline";
    static final String RETRY = "prequalification-retry";
    static final String ACTING_USER = "system:prequalification";
    private static final Logger log = LoggerFactory.getLogger(PrequalificationProcess.class);

    private ApplicationSubmittedEvent application;
    private String deadlineId;
    private Instant deadlineAt;
    private String retryId;
    /** Once the deadline has passed, no automatic outcome may follow the manual review. */
    private boolean deadlinePassed;

    @StartSaga
    @SagaEventHandler(associationProperty = "code")
    public void on(ApplicationSubmittedEvent event, PrequalificationChecks checks, PolicyCatalog policies,
                   OutcomeDispatcher outcomes, DeadlineManager deadlines) {
        this.application = event;
        Policy policy = policies.version(event.policyVersion());
        deadlineAt = event.submittedAt().plus(policy.prequalificationDeadline());
        deadlineId = deadlines.schedule(deadlineAt, DEADLINE);
        askRegistries(checks, policy, outcomes, deadlines);
    }

    // the deadlines carry no payload: without payloadType = Void.class Axon takes the first parameter for the
    // payload, and the handler never matches the deadline
    @DeadlineHandler(deadlineName = RETRY, payloadType = Void.class)
    public void onRetry(PrequalificationChecks checks, PolicyCatalog policies, OutcomeDispatcher outcomes,
                        DeadlineManager deadlines) {
        retryId = null;
        if (!deadlinePassed) {
            askRegistries(checks, policies.version(application.policyVersion()), outcomes, deadlines);
        }
    }

    @DeadlineHandler(deadlineName = DEADLINE, payloadType = Void.class)
    public void onDeadline(PrequalificationChecks checks, PolicyCatalog policies, OutcomeDispatcher outcomes,
                           DeadlineManager deadlines) {
        deadlineId = null;
        deadlinePassed = true;
        if (retryId != null) {
            cancel(deadlines, RETRY, retryId, null);
            retryId = null;
        }
        CheckOutcome outcome = checks.run(application, policies.version(application.policyVersion()));
        if (outcome.complete()) {
            decide(outcome, outcomes);
        } else {
            log.info("Application {}: registries {} did not answer in time; sent to manual review",
                    application.code(), outcome.unanswered());
            outcomes.send(new SendApplicationToManualReviewCommand(application.code(), outcome.unanswered()),
                    ACTING_USER);
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "code")
    public void on(ApplicationPrequalifiedEvent event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "code")
    public void on(ApplicationRejectedEvent event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "code")
    public void on(ApplicationSentToManualReviewEvent event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "code")
    public void on(ApplicationWithdrawnEvent event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    private void askRegistries(PrequalificationChecks checks, Policy policy, OutcomeDispatcher outcomes,
                               DeadlineManager deadlines) {
        CheckOutcome outcome = checks.run(application, policy);
        if (outcome.complete()) {
            decide(outcome, outcomes);
        } else {
            log.info("Application {}: registries {} did not answer; asking again in {}", application.code(),
                    outcome.unanswered(), policy.registryRetryInterval());
            retryId = deadlines.schedule(policy.registryRetryInterval(), RETRY);
        }
    }

    private void decide(CheckOutcome outcome, OutcomeDispatcher outcomes) {
        if (outcome.failedChecks().isEmpty()) {
            outcomes.send(new PrequalifyApplicationCommand(application.code(), outcome.consulted(),
                    outcome.socialInsuranceYears()), ACTING_USER);
        } else {
            outcomes.send(new RejectApplicationCommand(application.code(), outcome.failedChecks()), ACTING_USER);
        }
    }

    private void cancelDeadlines(DeadlineManager deadlines) {
        if (deadlineId != null) {
            cancel(deadlines, DEADLINE, deadlineId, deadlineAt);
        }
        if (retryId != null) {
            cancel(deadlines, RETRY, retryId, null);
        }
    }

    /**
     * Cancels a deadline not yet due ({@code dueAt} null: not known, cancelled). One that is due may be firing at this very moment, when the scheduler refuses to
     * cancel it (and the refusal, raised at commit, would stop this saga's processor); it need not be cancelled: it
     * finds this saga ended and does nothing.
     */
    private static void cancel(DeadlineManager deadlines, String name, String id, Instant dueAt) {
        if (dueAt == null || GenericEventMessage.clock.instant().isBefore(dueAt)) {
            deadlines.cancelSchedule(name, id);
        } else {
            log.debug("Deadline {} {} is due; left to find the saga ended", name, id);
        }
    }
}
