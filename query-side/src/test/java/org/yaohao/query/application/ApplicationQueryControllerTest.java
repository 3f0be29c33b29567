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
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.query.InProcessMongo;
import org.yaohao.query.config.QueryProblemHandler;
import org.yaohao.query.quota.QuotaQueryHandler;

import java.time.Instant;

import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yaohao.query.TestEvents.MAIN;
import static org.yaohao.query.TestEvents.code;
import static org.yaohao.query.TestEvents.familySubmitted;

/**
 * The HTTP resource through a real query gateway and bus with the real query handler, reading the real repository
 * on the in-process MongoDB server.
 */
class ApplicationQueryControllerTest {

    private static final ApplicationCode KNOWN = code("987654321098");
    private static final ApplicationCode UNKNOWN = code("111111111111");

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mongo.database().drop();
        ApplicationStatusRepository repository = new ApplicationStatusRepository(mongo.database());
        new ApplicationStatusProjection(repository)
                .on(familySubmitted(KNOWN), Instant.parse("2023-03-01T02:00:00Z"), 0L, "WEB", null, "applicant");

        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new ApplicationStatusQueryHandler(repository,
                QuotaQueryHandler.on(mongo.database()))).subscribe(queryBus);
        QueryGateway gateway = DefaultQueryGateway.builder().queryBus(queryBus).build();
        mvc = MockMvcBuilders.standaloneSetup(new ApplicationQueryController(gateway))
                             .setControllerAdvice(new QueryProblemHandler())
                             .build();
    }

    @Test
    void returnsTheStatusOfAKnownApplication() throws Exception {
        perform(KNOWN.value())
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.code").value(KNOWN.value()))
                .andExpect(jsonPath("$.status").value("AWAITING_PREQUALIFICATION"))
                .andExpect(jsonPath("$.applicantIdNumber").value(MAIN.masked()))
                .andExpect(jsonPath("$.deposits").isEmpty())
                .andExpect(jsonPath("$.timeline[0].event").value("ApplicationSubmitted"));
    }

    @Test
    void anUnknownCodeIsNotFound() throws Exception {
        perform(UNKNOWN.value())
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ErrorCode.APPLICATION_NOT_FOUND.type()))
                .andExpect(jsonPath("$.title").value(ErrorCode.APPLICATION_NOT_FOUND.rule()))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.code").value("APPLICATION_NOT_FOUND"))
                .andExpect(jsonPath("$.field").value("code"));
    }

    @Test
    void aCodeOfTheWrongShapeIsABadRequestNamingTheField() throws Exception {
        mvc.perform(get("/api/applications/{code}", "12345"))
           .andExpect(status().isBadRequest())
           .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
           .andExpect(jsonPath("$.type").value(ErrorCode.APPLICATION_CODE_FORMAT.type()))
           .andExpect(jsonPath("$.title").value(ErrorCode.APPLICATION_CODE_FORMAT.rule()))
           .andExpect(jsonPath("$.code").value("APPLICATION_CODE_FORMAT"))
           .andExpect(jsonPath("$.field").value("code"));
    }

    @Test
    void aCodeWithAWrongCheckDigitIsABadRequestNamingTheRule() throws Exception {
        String wrongCheckDigit = KNOWN.value().substring(0, 12) + ((KNOWN.value().charAt(12) - '0' + 1) % 10);

        mvc.perform(get("/api/applications/{code}", wrongCheckDigit))
           .andExpect(status().isBadRequest())
           .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
           .andExpect(jsonPath("$.type").value(ErrorCode.APPLICATION_CODE_CHECK_DIGIT.type()))
           .andExpect(jsonPath("$.code").value("APPLICATION_CODE_CHECK_DIGIT"))
           .andExpect(jsonPath("$.field").value("code"))
           .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(
                   org.hamcrest.Matchers.containsString(wrongCheckDigit))));
    }

    private ResultActions perform(String code) throws Exception {
        // the hot look-ups answer on the request's thread, the others in an asynchronous dispatch
        ResultActions first = mvc.perform(get("/api/applications/{code}", code));
        MvcResult result = first.andReturn();
        return result.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(result)) : first;
    }
}
