package org.yaohao.query.statistics;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

/**
 * Counts the look-ups the results day brings (the guide: 10:00–11:30 is the peak): one application's part in a round
 * ({@code GET /api/rounds/{roundId}/results/{code}}) and an application's status ({@code GET /api/applications/{code}}),
 * each answered with 200, into the document of the hour (Beijing time) in {@value StatisticsRepository#LOOKUPS}.
 * Look-ups are not events: they are counted here, on the query side that answers them, never in the event log; each
 * query-side instance adds to the same documents. A failing count is logged and does not fail the look-up.
 */
@Configuration(proxyBeanMethods = false)
class LookupCounter implements WebMvcConfigurer, HandlerInterceptor {

    static final String ROUND_RESULTS = "roundResults";
    static final String APPLICATION_STATUS = "applicationStatus";

    private static final Logger log = LoggerFactory.getLogger(LookupCounter.class);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH")
                                                                   .withZone(StatisticsProjection.BEIJING);

    private final StatisticsRepository repository;
    private final Clock clock;

    LookupCounter(StatisticsRepository repository, ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
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
        try {
            repository.countLookup(HOUR.format(clock.instant()), field);
        } catch (RuntimeException e) {
            log.warn("A look-up was answered but could not be counted: {}", e.toString());
        }
    }
}
