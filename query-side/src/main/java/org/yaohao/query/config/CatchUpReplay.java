package org.yaohao.query.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaohao.query.application.ApplicationStatusPrefetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Brings the query projections up to the head of the event log before their tracking processor starts, when they are
 * behind it at start (always, in the standalone jar, whose in-process store starts empty: a full rebuild). The
 * processor ({@link QuerySideConfiguration#PROCESSOR}) is registered without automatic start; this replay claims its
 * token, hands every event from the token up to the head observed at start to the processor's own handler invoker
 * (the same projections, the same dead-letter queues and policy as the processor: an event a projection fails on is
 * parked, never skipped), then releases the claim and starts the processor, which goes on from the stored token with
 * whatever was appended meanwhile.
 * <p>
 * What it leaves out is the processor's per-message machinery, which costs more than the projections' own work at a
 * rebuild: a unit of work per message, the message monitors (Axon's Micrometer timers, built per message), the handler
 * interceptors and tracing spans. And it uses the second core: one thread reads and deserializes the events, another
 * hands them to the projections, {@value #BATCH} at a time. Each batch is one unit of work (the projections' writes go
 * out at its commit, see {@link org.yaohao.query.store.BufferedCollection}), followed by the token of its last event:
 * a crash loses at most a batch whose token was not stored, which the next start replays.
 * <p>
 * Not run, and the processor started at once, when the token is held by another instance (several query-side
 * processes over one database: that one is processing) or when the replay is switched off
 * ({@code yaohao.projections.catch-up.enabled=false}). A replay that fails (the store unreachable) logs the failure and
 * starts the processor, which retries as always.
 */
@Component
public class CatchUpReplay implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(CatchUpReplay.class);

    /**
     * Events per unit of work, and per token written: the processor's batch, which is what a crash before the token
     * can make a projection see twice (the statistics' counters remember that many events, see
     * {@code OnceOnlyCounters}).
     */
    static final int BATCH = QuerySideConfiguration.BATCH_SIZE;

    /** Batches read ahead of the projections. */
    private static final int READ_AHEAD = 4;

    private static final Duration LOG_EVERY = Duration.ofSeconds(10);

    private static final List<TrackedEventMessage<?>> END = List.of();

    private final ObjectProvider<EventProcessingConfiguration> processingProvider;
    private final ObjectProvider<EventStore> eventStoreProvider;
    private final ApplicationStatusPrefetch prefetch;
    private final boolean enabled;

    private volatile Thread worker;
    private volatile boolean stopping;
    private volatile Progress progress;
    private final AtomicLong handledTotal = new AtomicLong();

    CatchUpReplay(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<EventStore> eventStore,
                  ApplicationStatusPrefetch prefetch,
                  @Value("${yaohao.projections.catch-up.enabled:true}") boolean enabled) {
        this.processingProvider = processing;
        this.eventStoreProvider = eventStore;
        this.prefetch = prefetch;
        this.enabled = enabled;
    }

    /**
     * Starts the replay in the background; the processor is started once it is done. Called as the event processors
     * would start (see {@link QuerySideConfiguration#querySideEventProcessing}).
     */
    public synchronized void start() {
        stopping = false;
        Thread thread = new Thread(this::run, "query-catch-up");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    /**
     * Stops a running replay without starting the processor (the application stops): the batch in hand is dropped, its
     * token not stored, so the next start hands it to the projections again.
     */
    public void stop() {
        stopping = true;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.MINUTES.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the replay is running: the processor has not started yet. */
    public boolean isRunning() {
        Thread thread = worker;
        return thread != null && thread.isAlive();
    }

    /**
     * Counter {@code yaohao.projections.catch-up.events} (tag {@code processor}): the events the catch-up handed to the
     * projections since the process started. With the processor's own {@code eventProcessor.ingestedCounter}, what the
     * query side handled since it started.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("yaohao.projections.catch-up.events", handledTotal, AtomicLong::get)
                       .tag("processor", QuerySideConfiguration.PROCESSOR)
                       .description("events the catch-up at start handed to the query projections")
                       .baseUnit("events")
                       .register(registry);
    }

    /** The events the last replay handed to the projections (0 when none ran, or it had nothing to do). */
    public long handledAtLastStart() {
        Progress last = progress;
        return last == null ? 0 : last.handled;
    }

    /** The position of the last event the replay handed to the projections, while it runs. */
    public OptionalLong position() {
        Progress current = progress;
        return isRunning() && current != null && current.position >= 0 ? OptionalLong.of(current.position)
                : OptionalLong.empty();
    }

    private void run() {
        EventProcessingConfiguration processing = processingProvider.getObject();
        TrackingEventProcessor processor = processing
                .eventProcessor(QuerySideConfiguration.PROCESSOR, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + QuerySideConfiguration.PROCESSOR));
        try {
            if (enabled) {
                replay(processor, processing.tokenStore(QuerySideConfiguration.PROCESSOR),
                       eventStoreProvider.getObject());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | AssertionError e) {
            log.error("Catch-up of the query projections stopped; their processor goes on from its token", e);
        } finally {
            if (!stopping) {
                processor.start();
            }
        }
    }

    private void replay(TrackingEventProcessor processor, TokenStore tokens, EventStore eventStore) throws Exception {
        String name = QuerySideConfiguration.PROCESSOR;
        if (tokens.fetchSegments(name).length == 0) {
            tokens.initializeTokenSegments(name, 1, eventStore.createTailToken());
        }
        TrackingToken token;
        try {
            token = tokens.fetchToken(name, 0);
        } catch (UnableToClaimTokenException heldElsewhere) {
            log.info("Token of {} held by another instance: no catch-up here", name);
            return;
        }
        try {
            TrackingToken headToken = eventStore.createHeadToken();
            long head = headToken == null ? -1 : headToken.position().orElse(-1);
            long from = token == null ? -1 : token.position().orElse(-1);
            if (head <= from) {
                return;
            }
            log.info("Query projections at position {} of {}: catching up before their processor starts", from, head);
            Progress run = new Progress(from, head);
            progress = run;
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(token)) {
                BlockingQueue<List<TrackedEventMessage<?>>> batches = new ArrayBlockingQueue<>(READ_AHEAD);
                Thread reader = reader(stream, head, batches);
                try {
                    handle(processor.eventHandlerInvoker(), tokens, batches, run);
                } finally {
                    reader.interrupt();
                    reader.join(TimeUnit.MINUTES.toMillis(1));
                }
            }
            if (run.position >= head) {
                log.info("Query projections caught up: {} events in {} s ({} a second)", run.handled,
                         run.seconds(), run.rate());
            } else if (!stopping) {
                log.warn("Catch-up of the query projections stopped at position {} of {}; their processor goes on "
                         + "from there", run.position, head);
            }
        } finally {
            tokens.releaseClaim(name, 0);
        }
    }

    /**
     * A thread that reads the stream up to {@code head} into {@code batches}, deserialized, and {@link #END} after the
     * last; stopped by an interrupt.
     */
    private Thread reader(BlockingStream<TrackedEventMessage<?>> stream, long head,
                          BlockingQueue<List<TrackedEventMessage<?>>> batches) {
        Thread reader = new Thread(() -> {
            try {
                List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
                long position = -1;
                while (position < head && stream.hasNextAvailable(1, TimeUnit.MINUTES)) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    event.getPayload();
                    event.getMetaData();
                    position = event.trackingToken().position().orElse(position);
                    batch.add(event);
                    if (batch.size() == BATCH) {
                        batches.put(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) {
                    batches.put(batch);
                }
                batches.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("Reading the event log for the catch-up failed", e);
                try {
                    batches.put(END);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "query-catch-up-reader");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private void handle(EventHandlerInvoker invoker, TokenStore tokens,
                        BlockingQueue<List<TrackedEventMessage<?>>> batches, Progress run) throws Exception {
        long nextLog = System.nanoTime() + LOG_EVERY.toNanos();
        Map<Class<?>, Boolean> handledTypes = new HashMap<>();
        for (List<TrackedEventMessage<?>> batch = batches.take(); batch != END && !stopping; batch = batches.take()) {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(batch.get(0));
            try {
                prefetch.prefetch(batch);
                for (EventMessage<?> event : batch) {
                    // the invoker asks each projection whether it handles the event itself: only ask it about the
                    // events of a type some projection handles
                    if (handledTypes.computeIfAbsent(event.getPayloadType(), invoker::canHandleType)) {
                        invoker.handle(event, Segment.ROOT_SEGMENT);
                    }
                }
                unitOfWork.commit();
            } catch (Exception | Error e) {
                if (unitOfWork.isActive()) {
                    unitOfWork.rollback(e);
                }
                throw e;
            }
            TrackedEventMessage<?> last = batch.get(batch.size() - 1);
            tokens.storeToken(last.trackingToken(), QuerySideConfiguration.PROCESSOR, 0);
            run.handled += batch.size();
            handledTotal.addAndGet(batch.size());
            run.position = last.trackingToken().position().orElse(run.position);
            if (System.nanoTime() > nextLog) {
                log.info("Query projections catching up: position {} of {}, {} a second", run.position, run.head,
                         run.rate());
                nextLog = System.nanoTime() + LOG_EVERY.toNanos();
            }
        }
    }

    /** One replay's progress: written by its thread, read by the status. */
    private static final class Progress {
        final long head;
        final long startedNanos = System.nanoTime();
        volatile long position;
        volatile long handled;

        Progress(long from, long head) {
            this.position = from;
            this.head = head;
        }

        long seconds() {
            return Math.max(0, (System.nanoTime() - startedNanos) / 1_000_000_000);
        }

        long rate() {
            long nanos = Math.max(1, System.nanoTime() - startedNanos);
            return handled * 1_000_000_000 / nanos;
        }
    }
}
