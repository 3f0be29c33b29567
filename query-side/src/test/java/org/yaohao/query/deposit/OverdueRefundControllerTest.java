package org.yaohao.query.deposit;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.query.InProcessMongo;
import org.yaohao.query.config.QueryProblemHandler;

import java.time.LocalDate;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yaohao.query.TestEvents.DEPOSIT;
import static org.yaohao.query.TestEvents.code;
import static org.yaohao.query.TestEvents.depositId;
import static org.yaohao.query.TestEvents.refundOverdue;
import static org.yaohao.query.TestEvents.refundScheduled;

/**
 * {@code GET /api/deposits/overdue-refunds} through a real query gateway and bus with the real query handler, reading
 * the real repository on the in-process MongoDB server.
 */
class OverdueRefundControllerTest {

    private static final ApplicationCode LATE = code("121212121212");
    private static final ApplicationCode LATER = code("343434343434");
    private static final LocalDate DUE = LocalDate.parse("2023-04-14");

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private OverdueRefundsProjection projection;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mongo.database().drop();
        OverdueRefundRepository repository = new OverdueRefundRepository(mongo.database());
        projection = new OverdueRefundsProjection(repository);
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new OverdueRefundsQueryHandler(repository)).subscribe(queryBus);
        mvc = MockMvcBuilders.standaloneSetup(
                                     new OverdueRefundController(DefaultQueryGateway.builder().queryBus(queryBus).build()))
                             .setControllerAdvice(new QueryProblemHandler())
                             // dates as ISO text, as Spring Boot's own ObjectMapper writes them
                             .setMessageConverters(new MappingJackson2HttpMessageConverter(
                                     Jackson2ObjectMapperBuilder.json()
                                                               .featuresToDisable(
                                                                       SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                                               .build()))
                             .build();
    }

    @Test
    void listsOverdueRefundsEarliestDueDateFirst() throws Exception {
        projection.on(refundScheduled(LATER, DEPOSIT, DUE), 3L);
        projection.on(refundOverdue(LATER, DEPOSIT, DUE), 4L);
        projection.on(refundOverdue(LATE, DEPOSIT, DUE.minusDays(1)), 4L);

        perform()
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].depositId").value(depositId(LATE).value()))
                .andExpect(jsonPath("$[0].dueDate").value("2023-04-13"))
                .andExpect(jsonPath("$[1].depositId").value(depositId(LATER).value()))
                .andExpect(jsonPath("$[1].applicationCode").value(LATER.value()))
                .andExpect(jsonPath("$[1].roundId").value("2023-ORD-02"))
                .andExpect(jsonPath("$[1].outstandingFen").value(200_000))
                .andExpect(jsonPath("$[1].dueDate").value("2023-04-14"))
                .andExpect(jsonPath("$[1].reason").value("NOT_WON"));
    }

    @Test
    void nothingOverdueIsAnEmptyArray() throws Exception {
        perform()
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }

    private ResultActions perform() throws Exception {
        MvcResult started = mvc.perform(get("/api/deposits/overdue-refunds"))
                               .andExpect(request().asyncStarted())
                               .andReturn();
        return mvc.perform(asyncDispatch(started));
    }
}
