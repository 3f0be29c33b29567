package org.yaohao.query.round;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageHandlerTimeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.round.PoolDrawnEvent;
import org.yaohao.kernel.round.PoolEntriesFrozenEvent;
import org.yaohao.kernel.round.PoolFrozenEvent;
import org.yaohao.kernel.round.RoundHandling;
import org.yaohao.kernel.round.RoundId;
import org.yaohao.kernel.round.RoundResultsPublishedEvent;
import org.yaohao.kernel.round.RoundScheduledEvent;
import org.yaohao.kernel.round.RoundStatus;
import org.yaohao.kernel.round.SeedCommittedEvent;
import org.yaohao.query.round.RoundDocument.PoolSummary;
import org.yaohao.query.round.RoundDocument.Winner;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Projects the AllocationRound's events into one {@link RoundDocument} per round — what the public and regulators
 * read: "Per round: the quota per pool, the number of entries and total weight per pool, the seed commitment before
 * the draw and the seed after it, the pool digest, the winners (application codes, in draw order). Personal data is
 * never published." — and each frozen pool's canonical text into {@link FrozenPoolRepository}, outside the round
 * document because a pool can have millions of entries.
 * <p>
 * Idempotent: the round document remembers the aggregate sequence number of the last event applied, and an event at
 * or below it changes nothing (redelivery, replay). A freeze stores the pool's text (upserts of whole chunks, one
 * per chunk event, then the head) before the round document that records it, so a crash in between is repaired by the redelivery.
 * Events of a round not scheduled in this store are skipped: the processor starts at the first event, so that only
 * happens to a store that was tampered with.
 */
@Component
@ProcessingGroup(RoundsProjection.PROCESSING_GROUP)
public class RoundsProjection {

    /** The processing group (and event processor) name; its tracking token lives with the documents. */
    public static final String PROCESSING_GROUP = "rounds";

    /** The collections this projection writes: what a rebuild replaces. */
    public static final List<String> COLLECTIONS = List.of(RoundRepository.COLLECTION, RoundRepository.WINNERS,
                                                           FrozenPoolRepository.COLLECTION);

    private static final Logger log = LoggerFactory.getLogger(RoundsProjection.class);

    private final RoundRepository rounds;
    private final FrozenPoolRepository frozenPools;

    RoundsProjection(RoundRepository rounds, FrozenPoolRepository frozenPools) {
        this.rounds = rounds;
        this.frozenPools = frozenPools;
    }

    /** A fresh instance writing into {@code database}: a rebuild next to the live projection. */
    public static Object writingTo(MongoDatabase database) {
        return new RoundsProjection(new RoundRepository(database), new FrozenPoolRepository(database));
    }

    @EventHandler
    void on(RoundScheduledEvent event, @SequenceNumber long sequence) {
        String roundId = event.roundId().value();
        if (rounds.find(roundId).filter(round -> round.hasApplied(sequence)).isPresent()) {
            log.debug("Schedule of round {} at sequence {} already applied", roundId, sequence);
            return;
        }
        rounds.save(RoundDocument.scheduled(roundId, event.quotaType(), event.drawDate(), event.cutOff(),
                                            event.pools(), event.policyVersion(), sequence));
    }

    @EventHandler
    void on(SeedCommittedEvent event, @SequenceNumber long sequence) {
        update(event.roundId(), sequence, round -> round.seedCommitted(event.commitment(), sequence));
    }

    /** A chunk of a pool's entries: its text is stored (idempotent upsert); the round document waits for the head. */
    @EventHandler
    @MessageHandlerTimeout(timeoutMs = RoundHandling.WHOLE_POOL_TIMEOUT_MS,
                           warningThresholdMs = RoundHandling.WHOLE_POOL_WARNING_MS,
                           warningIntervalMs = RoundHandling.WHOLE_POOL_WARNING_MS)
    void on(PoolEntriesFrozenEvent event) {
        frozenPools.saveChunk(event);
    }

    @EventHandler
    @MessageHandlerTimeout(timeoutMs = RoundHandling.WHOLE_POOL_TIMEOUT_MS,
                           warningThresholdMs = RoundHandling.WHOLE_POOL_WARNING_MS,
                           warningIntervalMs = RoundHandling.WHOLE_POOL_WARNING_MS)
    void on(PoolFrozenEvent event, @SequenceNumber long sequence) {
        update(event.roundId(), sequence, round -> {
            FrozenPoolText.Summary stored = frozenPools.saveHead(event);
            if (!stored.sha256().equals(event.digest())) {
                log.warn("The text of pool {}/{} hashes to {}, not to the published digest {}: its entries are not "
                         + "in pool order or differ from the frozen pool", event.roundId(), event.pool(),
                         stored.sha256(), event.digest());
            }
            PoolSummary ifUnplanned = new PoolSummary(event.pool(), event.method(), event.quota(), null, null, null,
                                                      null, null, null, null, null);
            return round.withPool(event.pool(),
                                  pool -> pool.frozen(event.method(), event.quota(), event.entryCount(),
                                                      event.totalWeight(), event.digest(), event.cutOffInstant()),
                                  ifUnplanned, RoundStatus.POOLS_FROZEN, sequence);
        });
    }

    @EventHandler
    void on(PoolDrawnEvent event, @SequenceNumber long sequence) {
        PoolSummary ifUnplanned = new PoolSummary(event.pool(), event.method(), event.quota(), event.entryCount(),
                                                  event.totalWeight(), event.poolDigest(), null, null, null, null,
                                                  null);
        update(event.roundId(), sequence, round -> round.withPool(
                event.pool(),
                pool -> pool.drawn(event.drawId(), event.algorithm(), event.seedHex(),
                                   event.winners().stream().map(w -> new Winner(w.sequence(), w.code())).toList()),
                ifUnplanned, RoundStatus.DRAWN, sequence));
    }

    @EventHandler
    void on(RoundResultsPublishedEvent event, @SequenceNumber long sequence) {
        update(event.roundId(), sequence, round -> round.published(event.publishedOn(), sequence));
    }

    private void update(RoundId roundId, long sequence, UnaryOperator<RoundDocument> change) {
        RoundDocument round = rounds.find(roundId.value()).orElse(null);
        if (round == null) {
            log.warn("Round {} was never scheduled in this store; event at sequence {} skipped", roundId, sequence);
            return;
        }
        if (round.hasApplied(sequence)) {
            log.debug("Event of round {} at sequence {} already applied", roundId, sequence);
            return;
        }
        rounds.save(change.apply(round));
    }
}
