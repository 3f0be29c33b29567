package org.yaohao.query.statistics;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the look-ups the results day brings (the guide: 10:00–11:30 is the peak): one application's part in a round
 * ({@code GET /api/rounds/{roundId}/results/{code}}) and an application's status ({@code GET /api/applications/{code}}),
 * each answered with 200, into the document of the hour (Beijing time) in {@value StatisticsRepository#LOOKUPS}.
 * Look-ups are not events: they are counted here, on the query side that answers them, never in the event log; each
 * query-side instance adds to the same documents. A look-up only adds one in memory; the counts go to MongoDB
 * every {@value #FLUSH_MILLIS} ms and at shutdown, as one increment per hour and kind (a write per look-up made every
 * look-up wait for the one lock of the in-process server's collection). A crash loses at most the last second's
 * count; a failing write is logged, kept and tried again, and never fails a look-up.
 */
@Configuration(proxyBeanMethods = false)
class LookupCounter implements WebMvcConfigurer, HandlerInterceptor, DisposableBean {

    static final String ROUND_RESULTS = "roundResults";
    static final String APPLICATION_STATUS = "applicationStatus";
    static final long FLUSH_MILLIS = 1_000;

    private static final Logger log = LoggerFactory.getLogger(LookupCounter.class);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH")
                                                                   .withZone(StatisticsProjection.BEIJING);

    private final StatisticsRepository repository;
    private final Clock clock;
    /** Counts not yet written, by hour and kind. */
    private final Map<HourAndKind, AtomicLong> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lookup-counter");
        thread.setDaemon(true);
        return thread;
    });

    private record HourAndKind(String hourId, String field) {
    }

    LookupCounter(StatisticsRepository repository, ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        writer.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/rounds/*/results/*", "/api/applications/*");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (!"GET".equals(request.getMethod()) || response.getStatus() != HttpServletResponse.SC_OK) {
            return;
        }
        String field = request.getRequestURI().startsWith("/api/rounds/") ? ROUND_RESULTS : APPLICATION_STATUS;
        // counted under the map's lock of the key, so that a flush never forgets a counter being counted into
        pending.compute(new HourAndKind(HOUR.format(clock.instant()), field), (key, counter) -> {
            AtomicLong counted = counter == null ? new AtomicLong() : counter;
            counted.incrementAndGet();
            return counted;
        });
    }

    /** Writes the counts gathered since the last write; an hour that counted nothing since is forgotten. */
    synchronized void flush() {
        for (HourAndKind key : pending.keySet()) {
            AtomicLong counter = pending.get(key);
            long count = counter == null ? 0 : counter.getAndSet(0);
            if (count == 0) {
                pending.computeIfPresent(key, (k, idle) -> idle.get() == 0 ? null : idle);
                continue;
            }
            try {
                repository.countLookups(key.hourId(), key.field(), count);
            } catch (RuntimeException e) {
                counter.addAndGet(count);
                log.warn("{} look-ups could not be counted yet, tried again later: {}", count, e.toString());
            }
        }
    }

    @Override
    public void destroy() {
        writer.shutdown();
        flush();
    }
}
