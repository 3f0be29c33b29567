package org.yaohao.command.application;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.common.ApplicationCode;

import java.util.Optional;

/**
 * An application as it was submitted, unmasked, read from the first event of its own stream: for checking an
 * applicant's sign-in and for the regulator's reads of personal data (which the read models never hold unmasked).
 */
@Component
public class SubmittedApplications {

    private final EventStore eventStore;

    SubmittedApplications(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<ApplicationSubmittedEvent> find(ApplicationCode code) {
        return eventStore.readEvents(code.value()).asStream().findFirst()
                .map(message -> message.getPayload() instanceof ApplicationSubmittedEvent submitted ? submitted : null);
    }
}
