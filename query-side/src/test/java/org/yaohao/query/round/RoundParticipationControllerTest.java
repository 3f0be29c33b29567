package org.yaohao.query.round;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
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
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.RoundOutcomeRecordedEvent;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.draw.Pool;
import org.yaohao.kernel.draw.PoolEntry;
import org.yaohao.kernel.policy.AllocationMethod;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.policy.PoolPlan;
import org.yaohao.kernel.round.PoolDrawnEvent;
import org.yaohao.kernel.round.RoundId;
import org.yaohao.kernel.round.RoundScheduledEvent;
import org.yaohao.query.InProcessMongo;
import org.yaohao.query.application.ApplicationStatusFixture;
import org.yaohao.query.config.QueryProblemHandler;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yaohao.query.TestEvents.POLICY;
import static org.yaohao.query.TestEvents.code;
import static org.yaohao.query.TestEvents.enterpriseSubmitted;
import static org.yaohao.query.TestEvents.individualSubmitted;
import static org.yaohao.query.round.RoundEvents.PERSONAL_QUOTA;
import static org.yaohao.query.round.RoundEvents.ROUND;
import static org.yaohao.query.round.RoundEvents.committed;
import static org.yaohao.query.round.RoundEvents.drawn;
import static org.yaohao.query.round.RoundEvents.personalPool;
import static org.yaohao.query.round.RoundEvents.scheduled;

/**
 * {@code GET /api/rounds} and {@code GET /api/rounds/{roundId}/results/{code}}, and the rounds in
 * {@code GET /api/applications/{code}}: a real query gateway and bus with the real query handlers of both read
 * models, both projections fed the events, all on the in-process MongoDB server.
 */
class RoundParticipationControllerTest {

    private static final ApplicationCode ENTERPRISE = code("600000000006");
    private static final int ENTERPRISE_QUOTA = 2;

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private RoundsProjection rounds;
    private ApplicationStatusFixture applications;
    private MockMvc mvc;
    private PoolDrawnEvent personalDraw;
    private ApplicationCode winner;
    private ApplicationCode loser;

    @BeforeEach
    void setUp() {
        mongo.database().drop();
        RoundRepository roundRepository = new RoundRepository(mongo.database());
        rounds = new RoundsProjection(roundRepository, new FrozenPoolRepository(mongo.database()));
        applications = new ApplicationStatusFixture(mongo.database());
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new RoundQueryHandler(roundRepository)).subscribe(queryBus);
        new AnnotationQueryHandlerAdapter<>(applications.queryHandler()).subscribe(queryBus);
        QueryGateway gateway = DefaultQueryGateway.builder().queryBus(queryBus).build();
        mvc = MockMvcBuilders.standaloneSetup(new RoundQueryController(gateway), applications.controller(gateway))
                             .setControllerAdvice(new QueryProblemHandler())
                             .setMessageConverters(new ByteArrayHttpMessageConverter(),
                                                   new MappingJackson2HttpMessageConverter(
                                                           Jackson2ObjectMapperBuilder.json()
                                                                   .featuresToDisable(
                                                                           SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                                                   .build()))
                             .build();

        personalDraw = drawn(PoolKind.PERSONAL, PERSONAL_QUOTA, personalPool());
        Set<String> winners = personalDraw.winners().stream().map(PoolDrawnEvent.Winner::code)
                                          .collect(Collectors.toSet());
        winner = ApplicationCode.of(personalDraw.winners().get(1).code());
        loser = ApplicationCode.of(personalPool().entries().stream().map(PoolEntry::code)
                                                 .filter(code -> !winners.contains(code)).findFirst().orElseThrow());
        applications.submitted(individualSubmitted(winner));
        applications.submitted(individualSubmitted(loser));
        applications.submitted(enterpriseSubmitted(ENTERPRISE));
    }

    private static Pool enterprisePool() {
        return Pool.of(new PoolEntry(ENTERPRISE.value() + "-1", 1), new PoolEntry(ENTERPRISE.value() + "-2", 1));
    }

    /** The round's events to both projections, in their order: schedule, commit, freeze, draw; then the outcomes. */
    private void wholeRound() {
        rounds.on(scheduled(), 0L);
        rounds.on(committed(), 1L);
        frozen(2L);
        drawnPools(4L);
        outcomes();
    }

    private void frozen(long sequence) {
        var personal = RoundEvents.frozen(PoolKind.PERSONAL, PERSONAL_QUOTA, personalPool());
        var enterprise = RoundEvents.frozen(PoolKind.ENTERPRISE, ENTERPRISE_QUOTA, enterprisePool());
        RoundEvents.freeze(rounds, personal, sequence);
        RoundEvents.freeze(rounds, enterprise, sequence + 1);
        personal.chunks().forEach(applications::on);
        enterprise.chunks().forEach(applications::on);
    }

    private void drawnPools(long sequence) {
        PoolDrawnEvent enterprise = drawn(PoolKind.ENTERPRISE, ENTERPRISE_QUOTA, enterprisePool());
        rounds.on(personalDraw, sequence);
        rounds.on(enterprise, sequence + 1);
        applications.on(personalDraw);
        applications.on(enterprise);
    }

    private void outcomes() {
        applications.on(new RoundOutcomeRecordedEvent(winner, ROUND, true, winnerSequence(), POLICY), 1L);
        applications.on(new RoundOutcomeRecordedEvent(loser, ROUND, false, 0, POLICY), 1L);
        applications.on(new RoundOutcomeRecordedEvent(ENTERPRISE, ROUND, true, 1, POLICY), 1L);
    }

    private int winnerSequence() {
        return personalDraw.winners().get(1).sequence();
    }

    private int enterpriseSequence(String suffix) {
        return drawn(PoolKind.ENTERPRISE, ENTERPRISE_QUOTA, enterprisePool()).winners().stream()
                .filter(w -> w.code().equals(ENTERPRISE.value() + suffix)).findFirst().orElseThrow().sequence();
    }

    private long weight(ApplicationCode code) {
        return personalPool().entries().stream().filter(e -> e.code().equals(code.value()))
                             .findFirst().orElseThrow().weight();
    }

    @Test
    void listsTheRoundsByDrawDateThenId() throws Exception {
        rounds.on(scheduled(), 0L); // 2023-ORD-02, drawn 2023-05-26
        rounds.on(scheduledRound("2023-NEV-02", QuotaType.NEW_ENERGY, "2023-05-26", "2023-05-08"), 0L);
        rounds.on(scheduledRound("2023-NEV-01", QuotaType.NEW_ENERGY, "2023-03-26", "2023-03-08"), 0L);
        rounds.on(committed(), 1L);

        perform("/api/rounds")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].roundId").value("2023-NEV-01"))
                .andExpect(jsonPath("$[0].quotaType").value("NEW_ENERGY"))
                .andExpect(jsonPath("$[0].status").value("SCHEDULED"))
                .andExpect(jsonPath("$[0].drawDate").value("2023-03-26"))
                .andExpect(jsonPath("$[0].cutOff").value("2023-03-08"))
                .andExpect(jsonPath("$[0].policyVersion").value(POLICY))
                .andExpect(jsonPath("$[1].roundId").value("2023-NEV-02"))
                .andExpect(jsonPath("$[2].roundId").value("2023-ORD-02"))
                .andExpect(jsonPath("$[2].quotaType").value("ORDINARY"))
                .andExpect(jsonPath("$[2].status").value("SEED_COMMITTED"))
                .andExpect(jsonPath("$[2].pools").doesNotExist());
    }

    @Test
    void noRoundsIsAnEmptyList() throws Exception {
        perform("/api/rounds").andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void anIndividualWinnerHasItsSequenceNumber() throws Exception {
        wholeRound();

        perform("/api/rounds/2023-ORD-02/results/" + winner.value())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tookPart").value(true))
                .andExpect(jsonPath("$.pool").value("PERSONAL"))
                .andExpect(jsonPath("$.drawn").value(true))
                .andExpect(jsonPath("$.entries", hasSize(1)))
                .andExpect(jsonPath("$.entries[0].code").value(winner.value()))
                .andExpect(jsonPath("$.entries[0].weight").value(weight(winner)))
                .andExpect(jsonPath("$.entries[0].sequence").value(winnerSequence()));
    }

    @Test
    void anIndividualNotDrawnTookPartWithoutASequenceNumber() throws Exception {
        wholeRound();

        perform("/api/rounds/2023-ORD-02/results/" + loser.value())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tookPart").value(true))
                .andExpect(jsonPath("$.pool").value("PERSONAL"))
                .andExpect(jsonPath("$.drawn").value(false))
                .andExpect(jsonPath("$.entries[0].code").value(loser.value()))
                .andExpect(jsonPath("$.entries[0].weight").value(weight(loser)))
                .andExpect(jsonPath("$.entries[0].sequence").doesNotExist());
    }

    @Test
    void anEnterpriseListsEachEntryWithItsSequenceNumber() throws Exception {
        wholeRound();

        perform("/api/rounds/2023-ORD-02/results/" + ENTERPRISE.value())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tookPart").value(true))
                .andExpect(jsonPath("$.pool").value("ENTERPRISE"))
                .andExpect(jsonPath("$.drawn").value(true))
                .andExpect(jsonPath("$.entries", hasSize(2)))
                .andExpect(jsonPath("$.entries[0].code").value(ENTERPRISE.value() + "-1"))
                .andExpect(jsonPath("$.entries[0].weight").value(1))
                .andExpect(jsonPath("$.entries[0].sequence").value(enterpriseSequence("-1")))
                .andExpect(jsonPath("$.entries[1].code").value(ENTERPRISE.value() + "-2"))
                .andExpect(jsonPath("$.entries[1].sequence").value(enterpriseSequence("-2")));
    }

    @Test
    void beforeTheDrawTheOutcomeIsNotKnownYet() throws Exception {
        rounds.on(scheduled(), 0L);
        rounds.on(committed(), 1L);
        frozen(2L);

        perform("/api/rounds/2023-ORD-02/results/" + loser.value())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tookPart").value(true))
                .andExpect(jsonPath("$.pool").value("PERSONAL"))
                .andExpect(jsonPath("$.drawn").doesNotExist())
                .andExpect(jsonPath("$.entries[0].weight").value(weight(loser)));
    }

    @Test
    void aValidCodeNotInTheRoundDidNotTakePart() throws Exception {
        wholeRound();
        rounds.on(scheduledRound("2023-NEV-01", QuotaType.NEW_ENERGY, "2023-03-26", "2023-03-08"), 0L);

        for (String path : new String[]{"/api/rounds/2023-ORD-02/results/" + code("999999999999").value(),
                                        "/api/rounds/2023-NEV-01/results/" + winner.value()}) {
            perform(path)
                    .andExpect(status().isOk())
                    .andExpect(content().json("{\"tookPart\":false}", true));
        }
    }

    @Test
    void redeliveryChangesNothing() throws Exception {
        wholeRound();
        String before = body("/api/rounds/2023-ORD-02/results/" + ENTERPRISE.value())
                + body("/api/applications/" + winner.value()) + body("/api/applications/" + loser.value());

        frozen(2L);
        drawnPools(4L);
        outcomes();

        String after = body("/api/rounds/2023-ORD-02/results/" + ENTERPRISE.value())
                + body("/api/applications/" + winner.value()) + body("/api/applications/" + loser.value());
        org.assertj.core.api.Assertions.assertThat(after).isEqualTo(before);
    }

    @Test
    void theApplicationStatusShowsEveryRoundEntered() throws Exception {
        wholeRound();

        perform("/api/applications/" + winner.value())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAWN"))
                .andExpect(jsonPath("$.rounds", hasSize(1)))
                .andExpect(jsonPath("$.rounds[0].roundId").value("2023-ORD-02"))
                .andExpect(jsonPath("$.rounds[0].pool").value("PERSONAL"))
                .andExpect(jsonPath("$.rounds[0].drawn").value(true))
                .andExpect(jsonPath("$.rounds[0].entries[0].code").value(winner.value()))
                .andExpect(jsonPath("$.rounds[0].entries[0].weight").value(weight(winner)))
                .andExpect(jsonPath("$.rounds[0].entries[0].sequence").value(winnerSequence()));
        perform("/api/applications/" + loser.value())
                .andExpect(jsonPath("$.rounds[0].drawn").value(false))
                .andExpect(jsonPath("$.rounds[0].entries[0].weight").value(weight(loser)));
        perform("/api/applications/" + ENTERPRISE.value())
                .andExpect(jsonPath("$.rounds[0].pool").value("ENTERPRISE"))
                .andExpect(jsonPath("$.rounds[0].drawn").value(true))
                .andExpect(jsonPath("$.rounds[0].entries", hasSize(2)))
                .andExpect(jsonPath("$.rounds[0].entries[1].sequence").value(enterpriseSequence("-2")));
    }

    @Test
    void anUnknownRoundIsNotFound() throws Exception {
        wholeRound();

        perform("/api/rounds/2023-NEV-07/results/" + winner.value())
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ErrorCode.ROUND_NOT_FOUND.type()))
                .andExpect(jsonPath("$.code").value("ROUND_NOT_FOUND"))
                .andExpect(jsonPath("$.field").value("roundId"));
    }

    @Test
    void malformedIdsAreBadRequestsNamingTheField() throws Exception {
        String valid = winner.value();
        String badCheckDigit = valid.substring(0, 12) + (char) ('0' + (valid.charAt(12) - '0' + 1) % 10);
        Map<String, String> fieldByPath = Map.of(
                "/api/rounds/2023-XYZ-02/results/" + valid, "roundId",
                "/api/rounds/2023-ORD-02/results/12345", "code",
                "/api/rounds/2023-ORD-02/results/" + valid + "-1", "code",
                "/api/rounds/2023-ORD-02/results/" + badCheckDigit, "code");
        for (Map.Entry<String, String> request : fieldByPath.entrySet()) {
            mvc.perform(get(request.getKey()))
               .andExpect(status().isBadRequest())
               .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
               .andExpect(jsonPath("$.field").value(request.getValue()));
        }
        mvc.perform(get("/api/rounds/2023-ORD-02/results/" + badCheckDigit))
           .andExpect(jsonPath("$.code").value("APPLICATION_CODE_CHECK_DIGIT"));
        mvc.perform(get("/api/rounds/2023-XYZ-02/results/" + valid))
           .andExpect(jsonPath("$.code").value("ROUND_ID_FORMAT"));
    }

    private static RoundScheduledEvent scheduledRound(String id, QuotaType type, String drawDate, String cutOff) {
        return new RoundScheduledEvent(RoundId.of(id), type, LocalDate.parse(drawDate), LocalDate.parse(cutOff),
                                       List.of(new PoolPlan(PoolKind.PERSONAL, AllocationMethod.LOTTERY, 10)),
                                       Map.of(), POLICY);
    }

    private String body(String path) throws Exception {
        return perform(path).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private ResultActions perform(String path) throws Exception {
        // the hot look-ups answer on the request's thread, the others in an asynchronous dispatch
        ResultActions first = mvc.perform(get(path));
        MvcResult result = first.andReturn();
        return result.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(result)) : first;
    }
}
