package org.yaohao.query.application;

import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.QuotaTypeChangedEvent;
import org.yaohao.kernel.application.Registry;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.policy.AllocationMethod;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.policy.PoolPlan;
import org.yaohao.kernel.round.RoundId;
import org.yaohao.kernel.round.RoundScheduledEvent;
import org.yaohao.kernel.round.SeedCommittedEvent;
import org.yaohao.query.InProcessMongo;
import org.yaohao.query.config.QueryProblemHandler;
import org.yaohao.query.round.RoundsFixture;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yaohao.query.TestEvents.POLICY;
import static org.yaohao.query.TestEvents.code;
import static org.yaohao.query.TestEvents.familySubmitted;
import static org.yaohao.query.TestEvents.individualSubmitted;

/**
 * {@code GET /api/applications/{code}/recommendation} through a real query gateway and bus, the real projections
 * writing to and the handler reading from the in-process MongoDB server, on pools whose numbers are known by
 * construction.
 */
class RecommendationTest {

    private static final ApplicationCode SELF = code("100000000001");
    private static final ApplicationCode ORDINARY_2 = code("100000000002");
    private static final ApplicationCode ORDINARY_3 = code("100000000003");
    private static final ApplicationCode ORDINARY_4 = code("100000000004");
    private static final ApplicationCode NEV_EARLIER = code("200000000001");
    private static final ApplicationCode NEV_FAMILY = code("200000000002");
    private static final ApplicationCode NOT_YET_VALID = code("300000000001");

    private static final Instant T1 = Instant.parse("2023-03-01T03:00:00Z");
    private static final Instant T2 = Instant.parse("2023-03-02T03:00:00Z");
    private static final Instant T3 = Instant.parse("2023-03-03T03:00:00Z");

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private ApplicationStatusProjection applications;
    private RoundsFixture rounds;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mongo.database().drop();
        ApplicationStatusRepository repository = new ApplicationStatusRepository(mongo.database());
        applications = new ApplicationStatusProjection(repository);
        rounds = new RoundsFixture(mongo.database());

        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(
                new RecommendationQueryHandler(repository, new ScheduledRoundReader(mongo.database())))
                .subscribe(queryBus);
        QueryGateway gateway = DefaultQueryGateway.builder().queryBus(queryBus).build();
        mvc = MockMvcBuilders.standaloneSetup(new ApplicationQueryController(gateway))
                             .setControllerAdvice(new QueryProblemHandler())
                             .build();
    }

    /**
     * Ordinary PERSONAL: quota 2, four individuals of weight 10 → 1 − (3/4)² = 43.75 %. New-energy INDIVIDUAL:
     * quota 1, the application second in the queue, the family pool's quota used by one family → 0 %.
     */
    @Test
    void recommendsTheTypeWithTheHigherChanceShowingTheNumbers() throws Exception {
        scheduleBothTypes();
        prequalifiedIndividual(SELF, QuotaType.ORDINARY, T3);
        prequalifiedIndividual(ORDINARY_2, QuotaType.ORDINARY, T1);
        prequalifiedIndividual(ORDINARY_3, QuotaType.ORDINARY, T1);
        prequalifiedIndividual(ORDINARY_4, QuotaType.ORDINARY, T2);
        prequalifiedIndividual(NEV_EARLIER, QuotaType.NEW_ENERGY, T1);
        prequalifiedFamily(NEV_FAMILY, T2);
        applications.on(individualSubmitted(NOT_YET_VALID), T1, 0L, "WEB", null, "applicant");

        perform(SELF)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.code").value(SELF.value()))
                .andExpect(jsonPath("$.currentQuotaType").value("ORDINARY"))
                .andExpect(jsonPath("$.recommended").value("ORDINARY"))
                .andExpect(jsonPath("$.reason").value(containsString("43.8%")))
                .andExpect(jsonPath("$.estimates[0].quotaType").value("ORDINARY"))
                .andExpect(jsonPath("$.estimates[0].roundId").value("2023-ORD-03"))
                .andExpect(jsonPath("$.estimates[0].pool").value("PERSONAL"))
                .andExpect(jsonPath("$.estimates[0].method").value("LOTTERY"))
                .andExpect(jsonPath("$.estimates[0].quota").value(2))
                .andExpect(jsonPath("$.estimates[0].entries").value(4))
                .andExpect(jsonPath("$.estimates[0].totalWeight").value(40))
                .andExpect(jsonPath("$.estimates[0].ownWeight").value(10))
                .andExpect(jsonPath("$.estimates[0].position").value(nullValue()))
                .andExpect(jsonPath("$.estimates[0].chancePercent").value("43.8"))
                .andExpect(jsonPath("$.estimates[1].quotaType").value("NEW_ENERGY"))
                .andExpect(jsonPath("$.estimates[1].roundId").value("2023-NEV-01"))
                .andExpect(jsonPath("$.estimates[1].pool").value("INDIVIDUAL"))
                .andExpect(jsonPath("$.estimates[1].method").value("RANKING"))
                .andExpect(jsonPath("$.estimates[1].quota").value(1))
                .andExpect(jsonPath("$.estimates[1].entries").value(2))
                .andExpect(jsonPath("$.estimates[1].position").value(2))
                .andExpect(jsonPath("$.estimates[1].chancePercent").value("0.0"))
                .andExpect(jsonPath("$.assumptions").isNotEmpty())
                .andExpect(content().string(not(containsString("张三"))))
                .andExpect(content().string(not(containsString("110101"))));
    }

    /** First in the new-energy queue (100 %) beats the ordinary lottery (43.8 %). */
    @Test
    void recommendsNewEnergyWhenFirstInTheQueue() throws Exception {
        scheduleBothTypes();
        prequalifiedIndividual(SELF, QuotaType.ORDINARY, T1);
        prequalifiedIndividual(ORDINARY_2, QuotaType.ORDINARY, T1);
        prequalifiedIndividual(ORDINARY_3, QuotaType.ORDINARY, T1);
        prequalifiedIndividual(ORDINARY_4, QuotaType.ORDINARY, T2);
        prequalifiedIndividual(NEV_EARLIER, QuotaType.NEW_ENERGY, T2);
        prequalifiedFamily(NEV_FAMILY, T2);

        perform(SELF)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recommended").value("NEW_ENERGY"))
                .andExpect(jsonPath("$.estimates[0].chancePercent").value("43.8"))
                .andExpect(jsonPath("$.estimates[1].position").value(1))
                .andExpect(jsonPath("$.estimates[1].chancePercent").value("100.0"));
    }

    /** A family's weight: the guide's base points for 2 generations, 50 → weight 500, stated as an assumption. */
    @Test
    void aFamilyWithoutPointsIsWeighedWithTheGuidesBasePoints() throws Exception {
        scheduleBothTypes();
        prequalifiedFamily(NEV_FAMILY, T2);
        applications.on(new QuotaTypeChangedEvent(NEV_FAMILY, QuotaType.NEW_ENERGY, QuotaType.ORDINARY, POLICY),
                        T2, 2L, "WEB", null, "applicant");
        prequalifiedIndividual(ORDINARY_2, QuotaType.ORDINARY, T1);
        prequalifiedIndividual(ORDINARY_3, QuotaType.ORDINARY, T1);
        prequalifiedIndividual(ORDINARY_4, QuotaType.ORDINARY, T1);

        // 1 − (1 − 500/530)² = 1 − (3/53)² = 99.68 %; new-energy FAMILY ranking: alone, first of quota 1
        perform(NEV_FAMILY)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.estimates[0].ownWeight").value(500))
                .andExpect(jsonPath("$.estimates[0].totalWeight").value(530))
                .andExpect(jsonPath("$.estimates[0].chancePercent").value("99.7"))
                .andExpect(jsonPath("$.estimates[1].pool").value("FAMILY"))
                .andExpect(jsonPath("$.estimates[1].position").value(1))
                .andExpect(jsonPath("$.estimates[1].chancePercent").value("100.0"))
                .andExpect(jsonPath("$.recommended").value("NEW_ENERGY"))
                .andExpect(jsonPath("$.assumptions").value(hasItem(containsString("= 50 (weight 500)"))));
    }

    /** No new-energy round scheduled: that type's chance is unknown and the other is recommended. */
    @Test
    void aTypeWithoutAScheduledRoundIsReportedAndTheOtherRecommended() throws Exception {
        rounds.on(ordinaryRound("2023-ORD-03", "2023-06-11", 2), 0L);
        prequalifiedIndividual(SELF, QuotaType.NEW_ENERGY, T1);
        prequalifiedIndividual(ORDINARY_2, QuotaType.ORDINARY, T1);

        perform(SELF)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recommended").value("ORDINARY"))
                .andExpect(jsonPath("$.estimates[0].chancePercent").value("100.0"))
                .andExpect(jsonPath("$.estimates[1].roundId").value(nullValue()))
                .andExpect(jsonPath("$.estimates[1].chancePercent").value(nullValue()))
                .andExpect(jsonPath("$.estimates[1].note").value("no round scheduled"));
    }

    @Test
    void anUnknownCodeIsNotFound() throws Exception {
        perform(code("999999999999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("APPLICATION_NOT_FOUND"))
                .andExpect(jsonPath("$.field").value("code"));
    }

    @Test
    void aMalformedCodeIsABadRequest() throws Exception {
        mvc.perform(get("/api/applications/{code}/recommendation", "12345"))
           .andExpect(status().isBadRequest())
           .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
           .andExpect(jsonPath("$.code").value(ErrorCode.APPLICATION_CODE_FORMAT.name()))
           .andExpect(jsonPath("$.field").value("code"));
    }

    // ---- scenario ----------------------------------------------------------------------------------------------

    /**
     * Ordinary: 2023-ORD-03 (PERSONAL 2, ENTERPRISE 1) seed committed, a later 2023-ORD-04 with a large quota that
     * must not be taken; new-energy: 2023-NEV-01 (FAMILY 1, INDIVIDUAL 1, ENTERPRISE 1).
     */
    private void scheduleBothTypes() {
        rounds.on(ordinaryRound("2023-ORD-04", "2023-08-08", 100), 0L);
        rounds.on(ordinaryRound("2023-ORD-03", "2023-06-11", 2), 0L);
        rounds.on(new SeedCommittedEvent(RoundId.of("2023-ORD-03"), "commitment", POLICY), 1L);
        rounds.on(new RoundScheduledEvent(RoundId.of("2023-NEV-01"), QuotaType.NEW_ENERGY,
                                          LocalDate.parse("2023-05-26"), LocalDate.parse("2023-04-26"),
                                          List.of(new PoolPlan(PoolKind.FAMILY, AllocationMethod.RANKING, 1),
                                                  new PoolPlan(PoolKind.INDIVIDUAL, AllocationMethod.RANKING, 1),
                                                  new PoolPlan(PoolKind.ENTERPRISE, AllocationMethod.LOTTERY, 1)),
                                          Map.of(), POLICY), 0L);
    }

    private static RoundScheduledEvent ordinaryRound(String id, String drawDate, int personalQuota) {
        LocalDate date = LocalDate.parse(drawDate);
        return new RoundScheduledEvent(RoundId.of(id), QuotaType.ORDINARY, date, date.minusMonths(1),
                                       List.of(new PoolPlan(PoolKind.PERSONAL, AllocationMethod.LOTTERY,
                                                            personalQuota),
                                               new PoolPlan(PoolKind.ENTERPRISE, AllocationMethod.LOTTERY, 1)),
                                       Map.of(), POLICY);
    }

    private void prequalifiedIndividual(ApplicationCode code, QuotaType type, Instant validAt) {
        ApplicationSubmittedEvent submitted = individualSubmitted(code);
        applications.on(submitted, submitted.submittedAt(), 0L, "WEB", null, "applicant");
        applications.on(new ApplicationPrequalifiedEvent(code, List.of(Registry.SOCIAL_INSURANCE), validAt, POLICY),
                        validAt, 1L, "SYSTEM", null, "system:prequalification");
        if (type == QuotaType.NEW_ENERGY) {
            applications.on(new QuotaTypeChangedEvent(code, QuotaType.ORDINARY, QuotaType.NEW_ENERGY, POLICY),
                            validAt, 2L, "WEB", null, "applicant");
        }
    }

    /** A new-energy family of 2 generations. */
    private void prequalifiedFamily(ApplicationCode code, Instant validAt) {
        ApplicationSubmittedEvent submitted = familySubmitted(code);
        applications.on(submitted, submitted.submittedAt(), 0L, "WEB", null, "applicant");
        applications.on(new ApplicationPrequalifiedEvent(code, List.of(Registry.SOCIAL_INSURANCE), validAt, POLICY),
                        validAt, 1L, "SYSTEM", null, "system:prequalification");
    }

    private ResultActions perform(ApplicationCode code) throws Exception {
        MvcResult started = mvc.perform(get("/api/applications/{code}/recommendation", code.value()))
                               .andExpect(request().asyncStarted())
                               .andReturn();
        return mvc.perform(asyncDispatch(started));
    }
}
