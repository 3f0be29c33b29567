package org.yaohao.query.statistics;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.yaohao.query.InProcessMongo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Look-ups counted in memory and written as one increment per hour and kind, through the real driver. */
class LookupCounterTest {

    private static final Clock AT_10_30_BEIJING = Clock.fixed(Instant.parse("2023-05-26T02:30:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private StatisticsRepository repository;
    private LookupCounter counter;

    @BeforeEach
    void setUp() {
        mongo.database().getCollection(StatisticsRepository.LOOKUPS).drop();
        repository = new StatisticsRepository(mongo.database());
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clock", AT_10_30_BEIJING);
        counter = new LookupCounter(repository, beans.getBeanProvider(Clock.class));
    }

    @Test
    void answeredLookUpsAreWrittenPerHourAndKindAtTheNextFlush() throws Exception {
        lookUp("/api/rounds/2023-ORD-01/results/1000000000011", 200);
        lookUp("/api/rounds/2023-ORD-01/results/1000000000022", 200);
        lookUp("/api/applications/1000000000011", 200);
        lookUp("/api/applications/1000000000099", 404);

        counter.flush();
        lookUp("/api/applications/1000000000011", 200);
        counter.destroy(); // what is counted at shutdown is written too

        Document hour = mongo.database().getCollection(StatisticsRepository.LOOKUPS).find().first();
        assertThat(hour).isNotNull();
        assertThat(hour.getString("_id")).isEqualTo("2023-05-26T10");
        assertThat(hour.getLong(LookupCounter.ROUND_RESULTS)).isEqualTo(2L);
        assertThat(hour.getLong(LookupCounter.APPLICATION_STATUS)).isEqualTo(2L);
    }

    private void lookUp(String uri, int status) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(status);
        counter.afterCompletion(request, response, null, null);
    }
}
