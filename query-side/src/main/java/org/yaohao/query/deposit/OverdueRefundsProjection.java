package org.yaohao.query.deposit;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.deposit.DepositRefundLinePaidEvent;
import org.yaohao.kernel.deposit.DepositRefundOverdueEvent;
import org.yaohao.kernel.deposit.DepositRefundScheduledEvent;
import org.yaohao.kernel.deposit.DepositRefundedEvent;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Keeps the operators' list of overdue refunds: a refund enters it with {@link DepositRefundOverdueEvent}, its
 * outstanding amount goes down with each {@link DepositRefundLinePaidEvent} and it leaves with
 * {@link DepositRefundedEvent}. The reason comes from the {@link DepositRefundScheduledEvent} before it.
 * <p>
 * Idempotent: each refund remembers the deposit's sequence number of the last event applied and ignores an event at
 * or below it; a confirmed refund is deleted, and a redelivery that recreates it is followed by the redelivered
 * confirmation that deletes it again.
 */
@Component
@ProcessingGroup(OverdueRefundsProjection.PROCESSING_GROUP)
public class OverdueRefundsProjection {

    /** The processing group (and event processor) name; its tracking token lives with the documents. */
    public static final String PROCESSING_GROUP = "overdue-refunds";

    /** The collections this projection writes: what a rebuild replaces. */
    public static final List<String> COLLECTIONS = List.of(OverdueRefundRepository.COLLECTION, OverdueRefundRepository.REFUNDS_DUE);

    private static final Logger log = LoggerFactory.getLogger(OverdueRefundsProjection.class);

    private final OverdueRefundRepository repository;

    OverdueRefundsProjection(OverdueRefundRepository repository) {
        this.repository = repository;
    }

    /** A fresh instance writing into {@code database}: a rebuild next to the live projection. */
    public static Object writingTo(MongoDatabase database) {
        return new OverdueRefundsProjection(new OverdueRefundRepository(database));
    }

    @EventHandler
    void on(DepositRefundScheduledEvent event, @SequenceNumber long sequence) {
        String id = event.depositId().value();
        if (repository.find(id).filter(refund -> refund.hasApplied(sequence)).isPresent()) {
            log.debug("Refund schedule of deposit {} at sequence {} already applied", id, sequence);
            return;
        }
        repository.save(new RefundDue(id, event.code().value(), event.depositId().roundId().value(), event.reason(),
                                      event.dueDate(), event.amount().fen(), false, sequence));
    }

    @EventHandler
    void on(DepositRefundOverdueEvent event, @SequenceNumber long sequence) {
        String id = event.depositId().value();
        RefundDue refund = repository.find(id).orElse(null);
        if (refund == null) {
            // The processor started after the schedule: list it all the same, without a reason.
            refund = new RefundDue(id, event.code().value(), event.depositId().roundId().value(), null,
                                   event.dueDate(), event.outstanding().fen(), false, -1);
        }
        if (refund.hasApplied(sequence)) {
            log.debug("Overdue notice of deposit {} at sequence {} already applied", id, sequence);
            return;
        }
        repository.save(refund.overdue(event.outstanding().fen(), event.dueDate(), sequence));
    }

    @EventHandler
    void on(DepositRefundLinePaidEvent event, @SequenceNumber long sequence) {
        change(event.depositId().value(), sequence, refund -> refund.linePaid(event.amount().fen(), sequence));
    }

    @EventHandler
    void on(DepositRefundedEvent event) {
        repository.remove(event.depositId().value());
    }

    private void change(String depositId, long sequence, UnaryOperator<RefundDue> change) {
        RefundDue refund = repository.find(depositId).orElse(null);
        if (refund == null) {
            log.debug("No refund due for deposit {}; event at sequence {} skipped", depositId, sequence);
            return;
        }
        if (refund.hasApplied(sequence)) {
            log.debug("Event of deposit {} at sequence {} already applied", depositId, sequence);
            return;
        }
        repository.save(change.apply(refund));
    }
}
