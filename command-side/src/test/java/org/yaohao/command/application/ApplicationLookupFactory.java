package org.yaohao.command.application;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Test access to {@link ApplicationLookup} over an event store of applications. */
public final class ApplicationLookupFactory {

    private ApplicationLookupFactory() {
    }

    public static ApplicationLookup over(EventStore events) {
        return new ApplicationLookup(EventSourcingRepository.builder(Application.class).eventStore(events).build());
    }
}
