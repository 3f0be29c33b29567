package org.yaohao.command.round;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.round.PoolEntriesFrozenEvent;
import org.yaohao.kernel.round.PoolFrozenEvent;
import org.yaohao.kernel.round.RoundId;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a round's frozen pools back from its own event stream. The {@link AllocationRound} keeps only each pool's
 * count and digest (a pool can hold millions of entries); the draw and the results read the entries here, once.
 */
@Component
class FrozenPoolReader {

    private final EventStore events;

    FrozenPoolReader(EventStore events) {
        this.events = events;
    }

    /** Every frozen pool of the round, its entries in pool order; chunks of a pool not closed by its head are left out. */
    Map<PoolKind, FrozenPool> read(RoundId roundId) {
        Map<PoolKind, List<PoolEntriesFrozenEvent>> chunks = new EnumMap<>(PoolKind.class);
        Map<PoolKind, FrozenPool> pools = new EnumMap<>(PoolKind.class);
        DomainEventStream stream = events.readEvents(roundId.value(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Class<?> type = message.getPayloadType();
            if (PoolEntriesFrozenEvent.class.equals(type)) {
                PoolEntriesFrozenEvent chunk = (PoolEntriesFrozenEvent) message.getPayload();
                chunks.computeIfAbsent(chunk.pool(), pool -> new ArrayList<>()).add(chunk);
            } else if (PoolFrozenEvent.class.equals(type)) {
                PoolFrozenEvent head = (PoolFrozenEvent) message.getPayload();
                pools.put(head.pool(), new FrozenPool(chunks.getOrDefault(head.pool(), List.of()), head));
            }
        }
        return pools;
    }
}
