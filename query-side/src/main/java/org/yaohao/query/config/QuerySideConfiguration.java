package org.yaohao.query.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.lifecycle.Phase;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.yaohao.kernel.application.ApplicationPrequalifiedEventUpcaster;
import org.yaohao.query.store.BufferedCollection;
import org.yaohao.query.store.FlushingTokenStore;
import org.yaohao.security.SecurityConfiguration;
import org.yaohao.query.access.AccessLogProjection;
import org.yaohao.query.application.ApplicationStatusPrefetch;
import org.yaohao.query.application.ApplicationStatusProjection;
import org.yaohao.query.deposit.OverdueRefundsProjection;
import org.yaohao.query.quota.QuotaProjection;
import org.yaohao.query.round.RoundsProjection;
import org.yaohao.query.statistics.StatisticsProjection;

import java.util.List;

/**
 * Wiring of the query side. Expects a {@link MongoClient} bean from the application that runs it (the query-side
 * boot class, or the standalone jar with its in-process server).
 * <p>
 * The projections' tracking tokens live in the same MongoDB database as their documents, registered for the
 * query side's processing groups only: a store that loses its documents loses its token too and is rebuilt by a
 * replay from the first event, and a token is written after the documents of its batch so a lost write is replayed.
 * The token store is deliberately not a {@link TokenStore} bean: that would replace the application's global token
 * store (the standalone jar's JDBC one, used by its sagas).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@org.springframework.context.annotation.Import(SecurityConfiguration.class)
public class QuerySideConfiguration {

    /** Tracking tokens of the query side's processors, next to the documents they describe. */
    public static final String TOKEN_COLLECTION = "tracking_tokens";

    /** Dead letters of the query side's processors, next to the documents they did not make it into. */
    public static final String DEAD_LETTER_COLLECTION = "dead_letters";

    /** Events handled per unit of work; each batch ends with one token write. */
    static final int BATCH_SIZE = 250;

    @Bean
    public MongoDatabase queryDatabase(MongoClient mongoClient,
                                       @Value("${yaohao.mongo.database:yaohao}") String databaseName) {
        return mongoClient.getDatabase(databaseName);
    }

    /**
     * Stored events of older revisions read as the current ones. Named apart from the command side's, which the
     * standalone jar registers too (an event upcast once no longer matches the second).
     */
    @Bean
    public ApplicationPrequalifiedEventUpcaster querySidePrequalifiedUpcaster() {
        return new ApplicationPrequalifiedEventUpcaster();
    }

    /** The query side's projections (processing groups), all handled by the one processor {@link #PROCESSOR}. */
    public static final List<String> PROCESSING_GROUPS = List.of(ApplicationStatusProjection.PROCESSING_GROUP,
                                                                 OverdueRefundsProjection.PROCESSING_GROUP,
                                                                 RoundsProjection.PROCESSING_GROUP,
                                                                 AccessLogProjection.PROCESSING_GROUP,
                                                                 StatisticsProjection.PROCESSING_GROUP,
                                                                 QuotaProjection.PROCESSING_GROUP);

    /**
     * The query bus of a process that answers its queries itself (no Axon Server): Axon's own, without a
     * transaction around each query. Every query handler here reads MongoDB; the transaction Axon's default bus opens
     * is the application's JDBC one (the event store's, in the standalone jar), begun and committed per query for
     * nothing, a tenth of a result look-up's time. With Axon Server the bus is Axon Server's (this bean is absent).
     */
    @Bean
    @Qualifier("localSegment")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    public SimpleQueryBus queryBus(Configuration axonConfiguration) {
        return SimpleQueryBus.builder()
                             .messageMonitor(axonConfiguration.messageMonitor(QueryBus.class, "queryBus"))
                             .transactionManager(NoTransactionManager.instance())
                             .errorHandler(axonConfiguration.getComponent(
                                     QueryInvocationErrorHandler.class,
                                     () -> LoggingQueryInvocationErrorHandler.builder().build()))
                             .queryUpdateEmitter(axonConfiguration.getComponent(QueryUpdateEmitter.class))
                             .spanFactory(axonConfiguration.getComponent(QueryBusSpanFactory.class))
                             .build();
    }

    /**
     * The tracking processor of every query-side projection, and the name of its token. One processor reads the event
     * store once for all of them: a processor of its own per projection would read, parse and meter every event once
     * per projection, most of them only to ignore it (measured: at a rebuild, three small projections took five
     * sixths of the CPU and the status projection the rest).
     */
    public static final String PROCESSOR = "query-projections";

    /**
     * {@link #PROCESSOR}, for the groups of {@link #PROCESSING_GROUPS}: tracking, one segment, starting at the first
     * event when it has no token; its token in MongoDB, written after the batch's documents (the repositories buffer
     * a batch's writes, see {@link BufferedCollection}); no transaction manager (MongoDB writes here are not
     * transactional, idempotent handlers make a retried batch harmless); an event a projection's handler fails on is
     * parked in that projection's dead-letter queue with the reason (see {@link #deadLetterQueue}), never skipped, and
     * the projection goes on with the others; each batch's status documents are read in one query before it starts
     * ({@link ApplicationStatusPrefetch}). Other processing groups (the command
     * side's, in the standalone jar) keep a processor of their own name.
     *
     * @param ensureIndexes whether the token store creates its unique (processorName, segment) index; off by
     *                      default because the standalone jar's in-process server has no compound indexes
     */
    @Bean
    public ConfigurerModule querySideEventProcessing(MongoDatabase queryDatabase,
                                                     ApplicationStatusPrefetch statusPrefetch,
                                                     CatchUpReplay catchUp,
                                                     @Value("${yaohao.mongo.ensure-indexes:false}") boolean ensureIndexes) {
        return configurer -> {
            configurer.onStart(Phase.INBOUND_EVENT_CONNECTORS, catchUp::start);
            configurer.onShutdown(Phase.INBOUND_EVENT_CONNECTORS, catchUp::stop);
            configurer.eventProcessing(processing -> {
                processing.assignProcessingGroup(group -> PROCESSING_GROUPS.contains(group) ? PROCESSOR : group)
                          .registerTrackingEventProcessor(
                                  PROCESSOR,
                                  Configuration::eventStore,
                                  c -> processorConfiguration())
                          .registerTokenStore(PROCESSOR, c -> new FlushingTokenStore(
                                  mongoTokenStore(queryDatabase, c.serializer(), ensureIndexes)))
                          .registerTransactionManager(PROCESSOR, c -> NoTransactionManager.instance())
                          .registerHandlerInterceptor(PROCESSOR, c -> statusPrefetch.interceptor());
                PROCESSING_GROUPS.forEach(group -> processing
                        .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())
                        .registerDeadLetterQueue(group, c -> deadLetterQueue(queryDatabase, group, c.eventSerializer()))
                        .registerDeadLetterPolicy(group, c -> DeadLetterReasons.POLICY)
                        // without it every event asks each group's queue (a count in MongoDB) whether its sequence is
                        // parked: six round trips per event, a sixth of a rebuild's time. With it a queue found empty
                        // at start is asked again only for sequences parked since.
                        .registerDeadLetteringEventHandlerInvokerConfiguration(
                                group, (c, builder) -> builder.enableSequenceIdentifierCache()));
            });
        };
    }

    /**
     * One segment, batches of {@value #BATCH_SIZE}, from the first event when there is no token, and no start of its
     * own: {@link CatchUpReplay} starts it once the store has caught up with the log.
     */
    private static TrackingEventProcessorConfiguration processorConfiguration() {
        return TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                                  .andBatchSize(BATCH_SIZE)
                                                  .andAutoStart(false)
                                                  .andInitialTrackingToken(StreamableMessageSource::createTailToken);
    }

    /**
     * The dead letters of a projection in {@value #DEAD_LETTER_COLLECTION}, next to its documents: an event whose
     * handler fails is parked there with the reason, with the later events of the same aggregate behind it (their
     * order matters), and the projection goes on with the others; an operator retries them through
     * {@code /api/admin/projections}. Nothing is skipped silently.
     */
    public static SequencedDeadLetterQueue<EventMessage<?>> deadLetterQueue(MongoDatabase database, String group,
                                                                           Serializer serializer) {
        return MongoSequencedDeadLetterQueue.builder()
                                            .processingGroup(group)
                                            .mongoTemplate(DefaultMongoTemplate.builder()
                                                                               .mongoDatabase(database)
                                                                               .deadLetterCollectionName(
                                                                                       DEAD_LETTER_COLLECTION)
                                                                               .build())
                                            .serializer(serializer)
                                            .build();
    }

    /** A token store in {@value #TOKEN_COLLECTION} of the given database, serializing tokens with Axon's serializer. */
    public static TokenStore mongoTokenStore(MongoDatabase database, Serializer serializer, boolean ensureIndexes) {
        return MongoTokenStore.builder()
                              .mongoTemplate(DefaultMongoTemplate.builder()
                                                                 .mongoDatabase(database)
                                                                 .trackingTokensCollectionName(TOKEN_COLLECTION)
                                                                 .build())
                              .serializer(serializer)
                              .ensureIndexes(ensureIndexes)
                              .build();
    }
}
