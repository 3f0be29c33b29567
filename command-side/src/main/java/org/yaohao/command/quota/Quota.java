package org.yaohao.command.quota;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.kernel.policy.Policy;
import org.yaohao.kernel.quota.IssueQuotaCommand;
import org.yaohao.kernel.quota.QuotaId;
import org.yaohao.kernel.quota.QuotaIssuedEvent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A quota won in a draw or ranking: "valid 12 months from issue" (the policy's number). Issuing it again, as a
 * replayed results step does, changes nothing.
 */
@Aggregate
public class Quota {

    @AggregateIdentifier
    private QuotaId quotaId;

    protected Quota() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(IssueQuotaCommand command, PolicyCatalog policies) {
        if (quotaId != null) {
            return;
        }
        Policy policy = policies.active();
        apply(new QuotaIssuedEvent(command.quotaId(), command.code(), command.roundId(), command.quotaType(),
                command.sequence(), command.issuedOn(),
                command.issuedOn().plusMonths(policy.quotaValidityMonths()).minusDays(1), policy.version()));
    }

    @EventSourcingHandler
    void on(QuotaIssuedEvent event) {
        quotaId = event.quotaId();
    }
}
