package org.yaohao.query.statistics;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageHandlerTimeout;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.ApplicationRejectedEvent;
import org.yaohao.kernel.application.ApplicationSentToManualReviewEvent;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.FailedCheck;
import org.yaohao.kernel.common.MessageMetadata;
import org.yaohao.kernel.quota.QuotaIssuedEvent;
import org.yaohao.kernel.round.PoolDrawnEvent;
import org.yaohao.kernel.round.PoolEntriesFrozenEvent;
import org.yaohao.kernel.round.PoolFrozenEvent;
import org.yaohao.kernel.round.RoundHandling;
import org.yaohao.kernel.round.RoundScheduledEvent;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.yaohao.query.statistics.StatisticsRepository.MONTHLY;
import static org.yaohao.query.statistics.StatisticsRepository.POOLS;
import static org.yaohao.query.statistics.StatisticsRepository.QUOTAS;

/**
 * Projects events into the statistics collections (see {@link StatisticsRepository} and {@code docs/statistics.md}):
 * counters an analyst may read directly, holding no personal data. One processing group, so the kinds of the
 * applications are stored before any pool that names them is counted.
 * <ul>
 *     <li>per month of Beijing time: applications submitted by kind, channel and district counter (from the
 *     {@code channel}/{@code district} metadata); pre-qualifications decided, passed, rejected (and per reason, an
 *     application counted once per reason however many persons failed it) and sent to manual review;</li>
 *     <li>per round and pool: per kind and weight the entries (from the frozen chunks) and the winners (from the
 *     draw);</li>
 *     <li>per round: quotas issued. Extensions, use and expiry are not recorded by the system yet: their handlers go
 *     here, incrementing {@code extended}, {@code used}, {@code expired} of the round's document the same way.</li>
 * </ul>
 * Idempotent: a counter remembers the identifiers of the last events it applied, a pool the chunks it counted, and
 * the draw's figures are written whole (see {@link OnceOnlyCounters}).
 */
@Component
@ProcessingGroup(StatisticsProjection.PROCESSING_GROUP)
public class StatisticsProjection {

    /** The processing group (and event processor) name; its tracking token lives with the documents. */
    public static final String PROCESSING_GROUP = "statistics";

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(BEIJING);

    private final StatisticsRepository repository;

    /**
     * The collections this projection writes from events: what a rebuild replaces. The look-ups per hour are counted
     * from requests, not events, and are not rebuilt.
     */
    public static final List<String> COLLECTIONS = List.of(StatisticsRepository.MONTHLY, StatisticsRepository.ENTRANTS,
                                                           StatisticsRepository.POOLS, StatisticsRepository.POOL_CHUNKS,
                                                           StatisticsRepository.QUOTAS);

    /** A fresh instance writing into {@code database}: a rebuild next to the live projection. */
    public static Object writingTo(MongoDatabase database) {
        return new StatisticsProjection(new StatisticsRepository(database));
    }

    StatisticsProjection(StatisticsRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(ApplicationSubmittedEvent event, @MetaDataValue(MessageMetadata.CHANNEL) String channel,
            @MetaDataValue(MessageMetadata.DISTRICT) String district, @MessageIdentifier String eventId) {
        repository.saveEntrant(event.code().value(), event.kind());
        Map<String, Long> increments = new LinkedHashMap<>();
        increments.put("submitted", 1L);
        increments.put("byKind." + event.kind().name(), 1L);
        increments.put("byChannel." + (channel == null ? "UNKNOWN" : channel), 1L);
        if (district != null) {
            increments.put("byDistrict." + district, 1L);
        }
        countMonth(event.submittedAt(), increments, eventId);
    }

    @EventHandler
    void on(ApplicationPrequalifiedEvent event, @MessageIdentifier String eventId) {
        countMonth(event.prequalifiedAt(), Map.of("decided", 1L, "prequalified", 1L), eventId);
    }

    @EventHandler
    void on(ApplicationRejectedEvent event, @MessageIdentifier String eventId) {
        Map<String, Long> increments = new LinkedHashMap<>();
        increments.put("decided", 1L);
        increments.put("rejected", 1L);
        Set<String> reasons = event.failedChecks().stream().map(FailedCheck::reason).map(Enum::name)
                                   .collect(Collectors.toCollection(TreeSet::new));
        reasons.forEach(reason -> increments.put("rejectedByReason." + reason, 1L));
        countMonth(event.rejectedAt(), increments, eventId);
    }

    @EventHandler
    void on(ApplicationSentToManualReviewEvent event, @MessageIdentifier String eventId) {
        countMonth(event.sentAt(), Map.of("manualReview", 1L), eventId);
    }

    @EventHandler
    void on(QuotaIssuedEvent event, @MessageIdentifier String eventId) {
        repository.counters(QUOTAS).incrementForEvent(event.roundId().value(), eventId, Map.of("issued", 1L),
                                                      new Document("quotaType", event.quotaType().name()));
    }

    @EventHandler
    void on(RoundScheduledEvent event) {
        String roundId = event.roundId().value();
        event.pools().forEach(plan -> repository.set(POOLS, poolId(roundId, plan.pool().name()), new Document()
                .append("roundId", roundId)
                .append("pool", plan.pool().name())
                .append("quotaType", event.quotaType().name())
                .append("method", plan.method().name())
                .append("drawDate", event.drawDate().toString())
                .append("policyVersion", event.policyVersion())
                .append("quota", plan.quota())));
    }

    /**
     * A chunk of a pool: its entries with their kinds are stored, then counted per kind and weight once (the pool
     * document remembers the chunks it counted).
     */
    @EventHandler
    @MessageHandlerTimeout(timeoutMs = RoundHandling.WHOLE_POOL_TIMEOUT_MS,
                           warningThresholdMs = RoundHandling.WHOLE_POOL_WARNING_MS,
                           warningIntervalMs = RoundHandling.WHOLE_POOL_WARNING_MS)
    void on(PoolEntriesFrozenEvent event) {
        String poolId = poolId(event.roundId().value(), event.pool().name());
        List<String> applicationCodes = event.entries().stream().map(e -> applicationCode(e.code())).toList();
        Map<String, ApplicantKind> kinds = repository.kindsOf(applicationCodes.stream().distinct().toList());
        List<PoolChunk.Entry> entries = new ArrayList<>(event.entries().size());
        Map<String, Long> increments = new TreeMap<>();
        for (int i = 0; i < event.entries().size(); i++) {
            PoolFrozenEvent.Entry entry = event.entries().get(i);
            ApplicantKind kind = kinds.get(applicationCodes.get(i));
            entries.add(new PoolChunk.Entry(entry.code(), entry.weight(), kind));
            increments.merge("cells." + PoolCell.key(kind, entry.weight()) + ".entries", 1L, Long::sum);
        }
        repository.saveChunk(new PoolChunk(poolId, event.chunk(), entries));
        repository.counters(POOLS).incrementOnce(poolId, "chunksCounted", event.chunk(), increments,
                                                 new Document("roundId", event.roundId().value())
                                                         .append("pool", event.pool().name()));
    }

    @EventHandler
    void on(PoolFrozenEvent event) {
        repository.set(POOLS, poolId(event.roundId().value(), event.pool().name()), new Document()
                .append("method", event.method().name())
                .append("quota", event.quota())
                .append("entries", event.entryCount())
                .append("totalWeight", event.totalWeight())
                .append("chunkCount", event.chunkCount())
                .append("frozen", true));
    }

    /** The winners, grouped by the kind and weight their entries had in the frozen pool: written whole. */
    @EventHandler
    @MessageHandlerTimeout(timeoutMs = RoundHandling.WHOLE_POOL_TIMEOUT_MS,
                           warningThresholdMs = RoundHandling.WHOLE_POOL_WARNING_MS,
                           warningIntervalMs = RoundHandling.WHOLE_POOL_WARNING_MS)
    void on(PoolDrawnEvent event) {
        String poolId = poolId(event.roundId().value(), event.pool().name());
        Set<String> winners = event.winners().stream().map(PoolDrawnEvent.Winner::code)
                                   .collect(Collectors.toSet());
        Map<String, Long> byCell = new HashMap<>();
        repository.forEachEntry(poolId, entry -> {
            if (winners.contains(entry.code())) {
                byCell.merge(PoolCell.key(entry.kind(), entry.weight()), 1L, Long::sum);
            }
        });
        Document cellWinners = new Document();
        new TreeMap<>(byCell).forEach(cellWinners::append);
        repository.set(POOLS, poolId, new Document("winners", event.winners().size())
                .append("cellWinners", cellWinners)
                .append("drawn", true));
    }

    static String poolId(String roundId, String pool) {
        return roundId + "/" + pool;
    }

    /** The application an entry belongs to: an enterprise's entries are its code plus {@code -1} … {@code -5}. */
    static String applicationCode(String entryCode) {
        int dash = entryCode.indexOf('-');
        return dash < 0 ? entryCode : entryCode.substring(0, dash);
    }

    private void countMonth(Instant at, Map<String, Long> increments, String eventId) {
        repository.counters(MONTHLY).incrementForEvent(MONTH.format(at), eventId, increments, new Document());
    }
}
