package org.yaohao.command.application;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.kernel.application.RejectApplicationCommand;
import org.yaohao.kernel.application.SubmitApplicationCommand;
import org.yaohao.kernel.application.WithdrawApplicationCommand;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.policy.Policy;

import java.time.Clock;
import java.util.List;

/**
 * The commands that start or end an application, and with it the binding of its persons: they touch the
 * {@link Application} and its {@link ApplicantClaim}s in one unit of work, so either all their events are stored
 * or none.
 */
@Component
class ApplicationLifecycleHandler {

    private final Repository<Application> applications;
    private final Repository<ApplicantClaim> claims;
    private final PolicyCatalog policies;
    private final Clock clock;

    ApplicationLifecycleHandler(Repository<Application> applications, Repository<ApplicantClaim> claims,
                                PolicyCatalog policies, Clock clock) {
        this.applications = applications;
        this.claims = claims;
        this.policies = policies;
        this.clock = clock;
    }

    @CommandHandler
    public ApplicationCode handle(SubmitApplicationCommand command) throws Exception {
        Policy policy = policies.active();
        int generations = ApplicationRules.check(command, policy);
        List<ApplicantClaim.Subject> subjects = ApplicantClaim.claimIdsOf(command.kind(), command.applicant(),
                command.members(), command.enterprise());
        for (ApplicantClaim.Subject subject : subjects) {
            claims.loadOrCreate(subject.claimId(), ApplicantClaim::new)
                  .execute(claim -> claim.claim(subject, command.code(), policy.version()));
        }
        applications.newInstance(() -> new Application(command, generations, policy, clock.instant()));
        return command.code();
    }

    @CommandHandler
    public void handle(WithdrawApplicationCommand command) {
        Aggregate<Application> application = load(command.code());
        application.execute(a -> a.withdraw(command.reason(), clock.instant()));
        release(command.code(), application);
    }

    @CommandHandler
    public void handle(RejectApplicationCommand command) {
        Aggregate<Application> application = load(command.code());
        if (application.invoke(a -> a.reject(command, clock.instant()))) {
            release(command.code(), application);
        }
    }

    private void release(ApplicationCode code, Aggregate<Application> application) {
        String policyVersion = application.invoke(Application::policyVersion);
        for (String claimId : application.invoke(Application::claimIds)) {
            claims.load(claimId).execute(claim -> claim.release(code, policyVersion));
        }
    }

    private Aggregate<Application> load(ApplicationCode code) {
        try {
            return applications.load(code.value());
        } catch (AggregateNotFoundException e) {
            throw new DomainException(ErrorCode.APPLICATION_NOT_FOUND, "code", "no application has code " + code);
        }
    }
}
