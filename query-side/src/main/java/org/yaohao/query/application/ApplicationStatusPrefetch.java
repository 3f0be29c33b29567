package org.yaohao.query.application;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.common.ApplicationCode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the status documents a batch of events will change in one query before its first event is handled: a
 * replay goes through the applications a few events each, and one {@code $in} query per batch replaces a find per
 * event. The applications are known without reading the events: an Application's events have its code as aggregate
 * identifier, a Deposit's the deposit id, which starts with the code.
 * <p>
 * Registered with the query projections' processor only, through {@link #interceptor()}: Axon's auto-configuration
 * registers every event handler interceptor <em>bean</em> with every event processor, where the command side's
 * processes would read status documents for nothing (and this processor would read them twice).
 */
@Component
public class ApplicationStatusPrefetch {

    private final ApplicationStatusRepository repository;

    ApplicationStatusPrefetch(ApplicationStatusRepository repository) {
        this.repository = repository;
    }

    /** The interceptor to register with the query projections' processor. */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return this::handle;
    }

    private Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (unitOfWork instanceof BatchingUnitOfWork<?> batch && batch.isFirstMessage()) {
            prefetch(batch.getMessages());
        }
        return interceptorChain.proceed();
    }

    /** Reads the status documents these events will change, in one query, for the current unit of work's handlers. */
    public void prefetch(List<?> batch) {
        if (batch.size() > 1) {
            Set<String> codes = new LinkedHashSet<>();
            for (Object message : batch) {
                if (message instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null) {
                    switch (String.valueOf(event.getType())) {
                        case "Application", "Deposit" -> codes.add(ApplicationCode.ofEntry(
                                event.getAggregateIdentifier()));
                        default -> {
                            // not an application's document
                        }
                    }
                }
            }
            if (codes.size() > 1) {
                repository.prefetch(codes);
            }
        }
    }
}
