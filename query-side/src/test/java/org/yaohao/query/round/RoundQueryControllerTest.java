package org.yaohao.query.round;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.draw.Pool;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.round.PoolDrawnEvent;
import org.yaohao.kernel.round.PoolFrozenEvent;
import org.yaohao.query.InProcessMongo;
import org.yaohao.query.config.QueryProblemHandler;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yaohao.query.round.RoundEvents.COMMITMENT;
import static org.yaohao.query.round.RoundEvents.ENTERPRISE_QUOTA;
import static org.yaohao.query.round.RoundEvents.PERSONAL_QUOTA;
import static org.yaohao.query.round.RoundEvents.committed;
import static org.yaohao.query.round.RoundEvents.drawn;
import static org.yaohao.query.round.RoundEvents.enterprisePool;
import static org.yaohao.query.round.RoundEvents.freeze;
import static org.yaohao.query.round.RoundEvents.frozen;
import static org.yaohao.query.round.RoundEvents.largePool;
import static org.yaohao.query.round.RoundEvents.personalPool;
import static org.yaohao.query.round.RoundEvents.scheduled;
import static org.yaohao.query.round.RoundEvents.wholeRound;
import static org.yaohao.query.round.RoundsProjectionTest.sha256;

/**
 * The rounds' HTTP resources: the view and the results through a real query gateway and bus with the real query
 * handler, the pool download straight from the repository, all reading the in-process MongoDB server.
 */
class RoundQueryControllerTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private RoundsProjection projection;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mongo.database().drop();
        RoundRepository rounds = new RoundRepository(mongo.database());
        FrozenPoolRepository frozenPools = new FrozenPoolRepository(mongo.database());
        projection = new RoundsProjection(rounds, frozenPools);
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new RoundQueryHandler(rounds)).subscribe(queryBus);
        mvc = MockMvcBuilders.standaloneSetup(
                                     new RoundQueryController(DefaultQueryGateway.builder().queryBus(queryBus).build()),
                                     new FrozenPoolController(frozenPools))
                             .setControllerAdvice(new QueryProblemHandler())
                             // dates as ISO text, as Spring Boot's own ObjectMapper writes them
                             .setMessageConverters(new ByteArrayHttpMessageConverter(),
                                                   new MappingJackson2HttpMessageConverter(
                                                           Jackson2ObjectMapperBuilder.json()
                                                                   .featuresToDisable(
                                                                           SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                                                   .build()))
                             .build();
    }

    @Test
    void showsARoundWithItsPoolsSeedAndWinners() throws Exception {
        wholeRound(projection);
        PoolDrawnEvent draw = drawn(PoolKind.PERSONAL, PERSONAL_QUOTA, personalPool());

        perform("/api/rounds/2023-ORD-02")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.roundId").value("2023-ORD-02"))
                .andExpect(jsonPath("$.status").value("RESULTS_PUBLISHED"))
                .andExpect(jsonPath("$.quotaType").value("ORDINARY"))
                .andExpect(jsonPath("$.drawDate").value("2023-05-26"))
                .andExpect(jsonPath("$.cutOff").value("2023-05-08"))
                .andExpect(jsonPath("$.commitment").value(COMMITMENT))
                .andExpect(jsonPath("$.publishedOn").value("2023-05-26"))
                .andExpect(jsonPath("$.pools", hasSize(2)))
                .andExpect(jsonPath("$.pools[0].pool").value("PERSONAL"))
                .andExpect(jsonPath("$.pools[0].quota").value(PERSONAL_QUOTA))
                .andExpect(jsonPath("$.pools[0].entryCount").value(5))
                .andExpect(jsonPath("$.pools[0].totalWeight").value(28))
                .andExpect(jsonPath("$.pools[0].digest").value(personalPool().digest()))
                .andExpect(jsonPath("$.pools[0].drawId").value("2023-ORD-02/PERSONAL"))
                .andExpect(jsonPath("$.pools[0].algorithm").value("v1"))
                .andExpect(jsonPath("$.pools[0].seed").value(draw.seedHex()))
                .andExpect(jsonPath("$.pools[0].winners", hasSize(PERSONAL_QUOTA)))
                .andExpect(jsonPath("$.pools[0].winners[0].sequence").value(1))
                .andExpect(jsonPath("$.pools[0].winners[0].code").value(draw.winners().get(0).code()))
                .andExpect(jsonPath("$.pools[0].entries").doesNotExist());
    }

    @Test
    void anUnknownRoundIsNotFound() throws Exception {
        perform("/api/rounds/2023-NEV-07")
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ErrorCode.ROUND_NOT_FOUND.type()))
                .andExpect(jsonPath("$.title").value(ErrorCode.ROUND_NOT_FOUND.rule()))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.code").value("ROUND_NOT_FOUND"))
                .andExpect(jsonPath("$.field").value("roundId"));
        perform("/api/rounds/2023-NEV-07/results")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ROUND_NOT_FOUND"));
    }

    @Test
    void aMalformedRoundIdIsABadRequestNamingTheField() throws Exception {
        for (String path : new String[]{"/api/rounds/2023-XYZ-02", "/api/rounds/2023-XYZ-02/results",
                                        "/api/rounds/2023-XYZ-02/pools/PERSONAL"}) {
            mvc.perform(get(path))
               .andExpect(status().isBadRequest())
               .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
               .andExpect(jsonPath("$.type").value(ErrorCode.ROUND_ID_FORMAT.type()))
               .andExpect(jsonPath("$.title").value(ErrorCode.ROUND_ID_FORMAT.rule()))
               .andExpect(jsonPath("$.code").value("ROUND_ID_FORMAT"))
               .andExpect(jsonPath("$.field").value("roundId"));
        }
    }

    @Test
    void resultsBeforeTheDrawAreAConflict() throws Exception {
        projection.on(scheduled(), 0L);
        projection.on(committed(), 1L);
        freeze(projection, frozen(PoolKind.PERSONAL, PERSONAL_QUOTA, personalPool()), 2L);
        freeze(projection, frozen(PoolKind.ENTERPRISE, ENTERPRISE_QUOTA, enterprisePool()), 3L);

        perform("/api/rounds/2023-ORD-02/results")
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ErrorCode.ROUND_WRONG_STATE.type()))
                .andExpect(jsonPath("$.code").value("ROUND_WRONG_STATE"))
                .andExpect(jsonPath("$.field").value("roundId"))
                .andExpect(jsonPath("$.roundStatus").value("POOLS_FROZEN"));
    }

    @Test
    void resultsAreTheWinnersPerPoolInDrawOrder() throws Exception {
        wholeRound(projection);
        PoolDrawnEvent draw = drawn(PoolKind.PERSONAL, PERSONAL_QUOTA, personalPool());

        perform("/api/rounds/2023-ORD-02/results")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roundId").value("2023-ORD-02"))
                .andExpect(jsonPath("$.status").value("RESULTS_PUBLISHED"))
                .andExpect(jsonPath("$.publishedOn").value("2023-05-26"))
                .andExpect(jsonPath("$.pools[0].pool").value("PERSONAL"))
                .andExpect(jsonPath("$.pools[0].drawId").value("2023-ORD-02/PERSONAL"))
                .andExpect(jsonPath("$.pools[0].winners[0].sequence").value(1))
                .andExpect(jsonPath("$.pools[0].winners[0].code").value(draw.winners().get(0).code()))
                .andExpect(jsonPath("$.pools[0].winners[2].sequence").value(3))
                .andExpect(jsonPath("$.pools[0].winners[2].code").value(draw.winners().get(2).code()))
                .andExpect(jsonPath("$.pools[1].pool").value("ENTERPRISE"))
                .andExpect(jsonPath("$.pools[1].winners", hasSize(2)));
    }

    @Test
    void downloadsAPoolLargerThanOneChunkAsTheTextOfItsDigest() throws Exception {
        Pool pool = largePool(120_000);
        RoundEvents.Frozen freeze = frozen(PoolKind.PERSONAL, PERSONAL_QUOTA, pool);
        projection.on(scheduled(), 0L);
        projection.on(committed(), 1L);
        freeze(projection, freeze, 2L);

        MvcResult download = perform("/api/rounds/2023-ORD-02/pools/PERSONAL")
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"))
                .andExpect(header().string(FrozenPoolController.DIGEST_HEADER, freeze.digest()))
                .andReturn();

        byte[] body = download.getResponse().getContentAsByteArray();
        assertThat(sha256(body)).isEqualTo(freeze.digest());
        assertThat(body).isEqualTo(pool.toText());
        assertThat(download.getResponse().getHeader("Content-Length")).isEqualTo(String.valueOf(body.length));
        assertThat(new String(body, StandardCharsets.UTF_8))
                .startsWith(pool.entry(0).code() + "," + pool.entry(0).weight() + "\n" + pool.entry(1).code() + ",");
    }

    @Test
    void downloadsASmallPoolInAnyCase() throws Exception {
        wholeRound(projection);

        byte[] body = perform("/api/rounds/2023-ORD-02/pools/enterprise")
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(
                new String(RoundEvents.enterprisePool().toText(), StandardCharsets.UTF_8));
        assertThat(sha256(body)).isEqualTo(RoundEvents.enterprisePool().digest());
    }

    @Test
    void aPoolNotFrozenOrNotKnownIsNotFound() throws Exception {
        projection.on(scheduled(), 0L);
        projection.on(committed(), 1L);

        for (String path : new String[]{"/api/rounds/2023-ORD-02/pools/PERSONAL",
                                        "/api/rounds/2023-ORD-02/pools/NO-SUCH-POOL",
                                        "/api/rounds/2023-NEV-07/pools/FAMILY"}) {
            mvc.perform(get(path))
               .andExpect(status().isNotFound())
               .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
               .andExpect(jsonPath("$.type").value(ErrorCode.POOL_NOT_FOUND.type()))
               .andExpect(jsonPath("$.code").value("POOL_NOT_FOUND"))
               .andExpect(jsonPath("$.field").value("pool"));
        }
    }

    private ResultActions perform(String path) throws Exception {
        MvcResult started = mvc.perform(get(path))
                               .andExpect(request().asyncStarted())
                               .andReturn();
        return mvc.perform(asyncDispatch(started));
    }
}
