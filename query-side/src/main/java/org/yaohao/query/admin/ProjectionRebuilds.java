package org.yaohao.query.admin;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.RenameCollectionOptions;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yaohao.query.config.CatchUpReplay;
import org.yaohao.query.config.QuerySideConfiguration;
import org.yaohao.query.store.CollectionsReplacedEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds a projection from the first event into fresh collections while the live ones keep serving, then switches
 * over. The fresh collections are written by a new instance of the projection in a database of their own
 * ({@code <query database>-rebuild-<name>}), fed from the event store up to its head; then the live processor pauses,
 * the rebuild catches up with the position the live processor had reached (it may be ahead: the projections are
 * idempotent, so the live processor delivering those events again changes nothing), each collection is moved over the
 * live one (MongoDB {@code renameCollection} with {@code dropTarget}), and the live processor resumes where it was.
 * A rebuild that fails leaves the live collections as they were. Progress is logged every 10 seconds.
 * <p>
 * {@code yaohao.projections.rebuild.events-per-second} (0, the default: as fast as it goes) holds a rebuild back so
 * it does not take the database from the live system.
 */
@Component
class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final int BATCH = 100;
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);

    private final MongoClient mongo;
    private final MongoDatabase live;
    private final ObjectProvider<EventStore> eventStore;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final int eventsPerSecond;
    private final BeanFactory beans;
    private final ApplicationEventPublisher publisher;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Rebuild> latest = new ConcurrentHashMap<>();
    private final CatchUpReplay catchUp;

    ProjectionRebuilds(MongoClient mongo, MongoDatabase queryDatabase, ObjectProvider<EventStore> eventStore,
                       ObjectProvider<EventProcessingConfiguration> processing, BeanFactory beans,
                       ApplicationEventPublisher publisher, CatchUpReplay catchUp,
                       @Value("${yaohao.projections.rebuild.events-per-second:0}") int eventsPerSecond) {
        this.mongo = mongo;
        this.catchUp = catchUp;
        this.beans = beans;
        this.publisher = publisher;
        this.live = queryDatabase;
        this.eventStore = eventStore;
        this.processing = processing;
        this.eventsPerSecond = eventsPerSecond;
    }

    /**
     * Starts a rebuild of the projection in the background; refused while one of it runs, and while the projections
     * catch up after a start (the switch-over restarts their processor).
     */
    synchronized ProjectionStatusView.RebuildView start(String name) {
        ProjectionCatalog.Projection projection = ProjectionCatalog.named(name);
        Rebuild running = latest.get(name);
        if (running != null && running.isRunning()) {
            throw ProjectionProblem.rebuildRunning(name);
        }
        if (catchUp.isRunning()) {
            throw ProjectionProblem.catchingUp(name);
        }
        TrackingToken head = eventStore.getObject().createHeadToken();
        Rebuild rebuild = new Rebuild(clock.instant(), head == null ? -1 : head.position().orElse(-1));
        latest.put(name, rebuild);
        Thread worker = new Thread(() -> run(projection, rebuild), "rebuild-" + name);
        worker.setDaemon(true);
        worker.start();
        return rebuild.view(clock.instant());
    }

    Optional<ProjectionStatusView.RebuildView> latest(String name) {
        return Optional.ofNullable(latest.get(name)).map(rebuild -> rebuild.view(clock.instant()));
    }

    private void run(ProjectionCatalog.Projection projection, Rebuild rebuild) {
        String name = projection.name();
        MongoDatabase scratch = mongo.getDatabase(live.getName() + "-rebuild-" + name);
        log.info("Rebuild of projection {} started: {} events to replay into {}", name, rebuild.total,
                scratch.getName());
        try {
            scratch.drop();
            AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(
                    projection.writingTo().apply(scratch, beans));
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.getObject().openStream(null)) {
                feed(stream, handler, rebuild, rebuild.total, name);
                switchOver(projection, scratch, stream, handler, rebuild);
            }
            rebuild.finish(clock.instant(), null);
            log.info("Rebuild of projection {} done: {} events in {} s; its collections {} now serve", name,
                    rebuild.done, Duration.between(rebuild.startedAt, rebuild.finishedAt).toSeconds(),
                    projection.collections());
        } catch (Exception | AssertionError e) {
            rebuild.finish(clock.instant(), e.getClass().getName());
            log.error("Rebuild of projection {} failed; the live collections are unchanged", name, e);
        } finally {
            scratch.drop();
        }
    }

    /** Pauses the live processor, catches up with its position, moves the collections over, resumes it. */
    private void switchOver(ProjectionCatalog.Projection projection, MongoDatabase scratch,
                            BlockingStream<TrackedEventMessage<?>> stream, AnnotationEventHandlerAdapter handler,
                            Rebuild rebuild) throws Exception {
        EventProcessingConfiguration config = processing.getObject();
        StreamingEventProcessor processor = config.eventProcessor(QuerySideConfiguration.PROCESSOR,
                StreamingEventProcessor.class).orElseThrow();
        rebuild.state = "SWITCHING";
        processor.shutDown();
        try {
            TokenStore tokens = config.tokenStore(QuerySideConfiguration.PROCESSOR);
            TrackingToken liveToken = tokens.fetchToken(QuerySideConfiguration.PROCESSOR, 0);
            tokens.releaseClaim(QuerySideConfiguration.PROCESSOR, 0);
            long livePosition = liveToken == null ? -1 : liveToken.position().orElse(-1);
            if (livePosition > rebuild.done) {
                rebuild.total = livePosition;
                feed(stream, handler, rebuild, livePosition, projection.name());
            }
            Set<String> rebuilt = new HashSet<>();
            scratch.listCollectionNames().forEach(rebuilt::add);
            for (String collection : projection.collections()) {
                if (rebuilt.contains(collection)) {
                    scratch.getCollection(collection).renameCollection(new MongoNamespace(live.getName(), collection),
                            new RenameCollectionOptions().dropTarget(true));
                } else {
                    live.getCollection(collection).drop(); // the rebuild wrote nothing there: nothing belongs there
                }
            }
        } finally {
            publisher.publishEvent(new CollectionsReplacedEvent(projection.collections()));
            processor.start();
        }
    }

    /** Hands the events up to {@code until} (a position) to the fresh projection, a unit of work per batch. */
    private void feed(BlockingStream<TrackedEventMessage<?>> stream, AnnotationEventHandlerAdapter handler,
                      Rebuild rebuild, long until, String name) throws Exception {
        Instant nextLog = clock.instant().plus(LOG_EVERY);
        while (rebuild.done < until) {
            if (!stream.hasNextAvailable(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the event log stopped before position " + until);
            }
            UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(stream.peek().orElseThrow());
            try {
                for (int i = 0; i < BATCH && rebuild.done < until && stream.hasNextAvailable(); i++) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    if (handler.canHandle(event)) {
                        handler.handle(event);
                    }
                    rebuild.done = event.trackingToken().position().orElse(rebuild.done + 1);
                }
                batch.commit();
            } catch (Exception e) {
                batch.rollback(e);
                throw e;
            }
            throttle(rebuild);
            if (clock.instant().isAfter(nextLog)) {
                ProjectionStatusView.RebuildView view = rebuild.view(clock.instant());
                log.info("Rebuild of projection {}: {} of {} events, {} a second, about {} s left", name,
                        view.eventsDone(), view.eventsTotal(), view.eventsPerSecond(), view.etaSeconds());
                nextLog = clock.instant().plus(LOG_EVERY);
            }
        }
    }

    private void throttle(Rebuild rebuild) throws InterruptedException {
        if (eventsPerSecond <= 0) {
            return;
        }
        long dueMillis = rebuild.doneSinceStart() * 1000 / eventsPerSecond;
        long elapsed = Duration.between(rebuild.startedAt, clock.instant()).toMillis();
        if (dueMillis > elapsed) {
            Thread.sleep(dueMillis - elapsed);
        }
    }

    /** One rebuild's progress, written by its worker and read by the status. */
    private static final class Rebuild {
        final Instant startedAt;
        volatile String state = "RUNNING";
        volatile long done = -1;
        volatile long total;
        volatile Instant finishedAt;
        volatile String error;

        Rebuild(Instant startedAt, long total) {
            this.startedAt = startedAt;
            this.total = total;
        }

        boolean isRunning() {
            return finishedAt == null;
        }

        long doneSinceStart() {
            return done + 1;
        }

        void finish(Instant at, String failure) {
            error = failure;
            state = failure == null ? "DONE" : "FAILED";
            finishedAt = at;
        }

        ProjectionStatusView.RebuildView view(Instant now) {
            Instant end = finishedAt == null ? now : finishedAt;
            long millis = Math.max(1, Duration.between(startedAt, end).toMillis());
            long doneEvents = Math.max(0, done);
            long rate = doneEvents * 1000 / millis;
            Long eta = finishedAt != null ? Long.valueOf(0)
                    : rate == 0 ? null : Long.valueOf(Math.max(0, total - doneEvents) / rate);
            return new ProjectionStatusView.RebuildView(state, doneEvents, total, rate, eta, startedAt, finishedAt,
                    error);
        }
    }
}
