package org.yaohao.command.prequalification;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
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
import org.yaohao.kernel.application.Registry;
import org.yaohao.kernel.application.RejectApplicationCommand;
import org.yaohao.kernel.application.SendApplicationToManualReviewCommand;
import org.yaohao.kernel.policy.Policy;

import java.util.List;

/**
 * Pre-qualification (资格预审) as a process: "social insurance, income tax, driver's licence, residence permit, car
 * ownership and (enterprise) tax are checked against the external registries. The answer is due within 24 hours of
 * submission; an application whose checks have not all answered by then goes to manual review, it is never silently
 * dropped."
 * <p>
 * On submission the registries are asked at once; registries that did not answer are asked again every
 * {@link Policy#registryRetryInterval()}; when all have answered the outcome is sent as a command. The deadline
 * ({@link Policy#prequalificationDeadline()} after submission) is held by a persistent deadline manager, so one
 * that passed while the system was down fires when it starts again. The process ends when it sees the outcome
 * recorded on the application (or its withdrawal); until then a lost outcome command is sent again at the next retry.
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
    private String retryId;
    /** Set when the deadline found registries still silent: from then on only manual review is sent. */
    private List<Registry> unansweredAtDeadline;

    @StartSaga
    @SagaEventHandler(associationProperty = "code")
    public void on(ApplicationSubmittedEvent event, PrequalificationChecks checks, PolicyCatalog policies,
                   OutcomeDispatcher outcomes, DeadlineManager deadlines) {
        this.application = event;
        Policy policy = policies.version(event.policyVersion());
        deadlineId = deadlines.schedule(event.submittedAt().plus(policy.prequalificationDeadline()), DEADLINE);
        askRegistries(checks, policy, outcomes, deadlines);
    }

    // the deadlines carry no payload: without payloadType = Void.class Axon takes the first parameter for the
    // payload, and the handler never matches the deadline
    @DeadlineHandler(deadlineName = RETRY, payloadType = Void.class)
    public void onRetry(PrequalificationChecks checks, PolicyCatalog policies, OutcomeDispatcher outcomes,
                        DeadlineManager deadlines) {
        retryId = null;
        Policy policy = policies.version(application.policyVersion());
        if (unansweredAtDeadline == null) {
            askRegistries(checks, policy, outcomes, deadlines);
        } else {
            // the manual review was decided but not yet seen recorded: send it again, never a late automatic outcome
            sendToManualReview(outcomes);
            scheduleRetry(policy, deadlines);
        }
    }

    @DeadlineHandler(deadlineName = DEADLINE, payloadType = Void.class)
    public void onDeadline(PrequalificationChecks checks, PolicyCatalog policies, OutcomeDispatcher outcomes,
                           DeadlineManager deadlines) {
        deadlineId = null;
        Policy policy = policies.version(application.policyVersion());
        CheckOutcome outcome = checks.run(application, policy);
        if (outcome.complete()) {
            decide(outcome, outcomes);
        } else {
            log.info("Application {}: registries {} did not answer in time; sent to manual review",
                    application.code(), outcome.unanswered());
            unansweredAtDeadline = List.copyOf(outcome.unanswered());
            sendToManualReview(outcomes);
        }
        if (retryId != null) {
            deadlines.cancelSchedule(RETRY, retryId);
        }
        scheduleRetry(policy, deadlines);
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
        }
        // also when decided: should the outcome command be lost, the retry sends it again
        scheduleRetry(policy, deadlines);
    }

    /** Until the outcome is seen recorded on the application, the process comes back every retry interval. */
    private void scheduleRetry(Policy policy, DeadlineManager deadlines) {
        retryId = deadlines.schedule(policy.registryRetryInterval(), RETRY);
    }

    private void sendToManualReview(OutcomeDispatcher outcomes) {
        outcomes.sendAfterCommit(new SendApplicationToManualReviewCommand(application.code(), unansweredAtDeadline),
                ACTING_USER);
    }

    private void decide(CheckOutcome outcome, OutcomeDispatcher outcomes) {
        if (outcome.failedChecks().isEmpty()) {
            outcomes.sendAfterCommit(new PrequalifyApplicationCommand(application.code(), outcome.consulted()),
                    ACTING_USER);
        } else {
            outcomes.sendAfterCommit(new RejectApplicationCommand(application.code(), outcome.failedChecks()),
                    ACTING_USER);
        }
    }

    private void cancelDeadlines(DeadlineManager deadlines) {
        if (deadlineId != null) {
            deadlines.cancelSchedule(DEADLINE, deadlineId);
        }
        if (retryId != null) {
            deadlines.cancelSchedule(RETRY, retryId);
        }
    }
}
