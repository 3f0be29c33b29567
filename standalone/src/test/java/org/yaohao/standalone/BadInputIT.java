package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaohao.kernel.common.ApplicationCode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/**
 * Each bad input gets a 4xx {@code application/problem+json} naming the field and the rule, and writes no event:
 * after all of them the event store holds only the events of the few valid commands.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private Path work;
    private YaohaoProcess app;
    private String withdrawn;
    private String active;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        work = dir;
        app = YaohaoProcess.start(work.resolve("data"));
        withdrawn = JSON.readTree(app.post("/api/applications", Samples.individual(Samples.PASSES_WORK_PERMIT))
                .body()).get("code").asText();
        assertThat(app.post("/api/applications/" + withdrawn + "/withdrawal", "{\"reason\":\"moved abroad\"}")
                .statusCode()).isEqualTo(200);
        active = JSON.readTree(app.post("/api/applications", Samples.individual(Samples.PASSES_RESIDENCE_PERMIT))
                .body()).get("code").asText();
        app.awaitStatus(active, "PREQUALIFIED");
    }

    @AfterAll
    void onlyTheValidCommandsWroteEvents() throws Exception {
        app.close();
        Map<String, Integer> events = EventLog.countsByType(work.resolve("data"));
        assertThat(events).containsEntry("ApplicationSubmittedEvent", 2)
                .containsEntry("ApplicationWithdrawnEvent", 1)
                .doesNotContainKey("QuotaTypeChangedEvent")
                .doesNotContainKey("ApplicationRejectedEvent");
        assertThat(events.get("ApplicantClaimedEvent")).isEqualTo(2);
        // the active one is prequalified; the withdrawn one may have been prequalified before its withdrawal
        assertThat(events.get("ApplicationPrequalifiedEvent")).isBetween(1, 2);
    }

    @Test
    void malformedJsonIsRefused() throws Exception {
        assertProblem(app.post("/api/applications", "{\"kind\":\"INDIVIDUAL\","), 400, "MALFORMED_REQUEST", null);
    }

    @Test
    void unknownFieldIsRefused() throws Exception {
        assertProblem(app.post("/api/applications", """
                {"kind":"INDIVIDUAL","quotaType":"ORDINARY","favouriteColour":"red",
                 "applicant":{"idNumber":"110101198503120017","name":"A","phone":"13800138000"}}"""),
                400, "UNKNOWN_FIELD", "favouriteColour");
    }

    @Test
    void missingFieldIsRefused() throws Exception {
        assertProblem(app.post("/api/applications", """
                {"kind":"INDIVIDUAL","applicant":{"idNumber":"110101198503120017","name":"A","phone":"13800138000"}}"""),
                400, "MISSING_FIELD", "quotaType");
    }

    @Test
    void wrongIdCheckDigitIsRefusedWithoutEchoingTheNumber() throws Exception {
        HttpResponse<String> response = app.post("/api/applications", Samples.individual("110101198503120018"));
        assertProblem(response, 400, "ID_NUMBER_CHECK_DIGIT", "applicant.idNumber");
        assertThat(response.body()).doesNotContain("110101198503120018");
    }

    @Test
    void wrongCreditCodeCheckCharacterIsRefused() throws Exception {
        assertProblem(app.post("/api/applications", Samples.enterprise("91110105MA01ABCD14", 800_000, 2)),
                400, "CREDIT_CODE_CHECK_CHARACTER", "enterprise.creditCode");
    }

    @Test
    void familyOfOnePersonIsRefused() throws Exception {
        assertProblem(app.post("/api/applications", Samples.family(Samples.FAMILY_MAIN)), 422, "FAMILY_TOO_SMALL",
                "members");
    }

    @Test
    void memberListedTwiceIsRefused() throws Exception {
        assertProblem(app.post("/api/applications", Samples.family(Samples.FAMILY_MAIN, Samples.FAMILY_CHILD, "CHILD",
                Samples.FAMILY_CHILD, "CHILD")), 422, "FAMILY_MEMBER_DUPLICATE", "members[1].idNumber");
    }

    @Test
    void twoSpousesAreRefused() throws Exception {
        assertProblem(app.post("/api/applications", Samples.family(Samples.FAMILY_MAIN, Samples.FAMILY_SPOUSE,
                "SPOUSE", Samples.FAMILY_PARENT_IN_LAW, "SPOUSE")), 422, "FAMILY_TWO_SPOUSES", "members[1].relation");
    }

    @Test
    void relationOutsideTheFamilyIsRefused() throws Exception {
        assertProblem(app.post("/api/applications", Samples.family(Samples.FAMILY_MAIN, Samples.FAMILY_SPOUSE,
                "COUSIN")), 422, "FAMILY_RELATION_NOT_ALLOWED", "members[0].relation");
    }

    @Test
    void enterpriseUnderTheMinimumTaxIsRefused() throws Exception {
        assertProblem(app.post("/api/applications", Samples.enterprise(Samples.ENTERPRISE_PASSES, 499_999, 2)),
                422, "ENTERPRISE_TAX_BELOW_MINIMUM", "enterprise.taxPaidLastYearYuan");
    }

    @Test
    void enterpriseAskingForNoneOrSixQuotasIsRefused() throws Exception {
        assertProblem(app.post("/api/applications", Samples.enterprise(Samples.ENTERPRISE_PASSES, 800_000, 0)),
                422, "ENTERPRISE_QUOTAS_OUT_OF_RANGE", "enterprise.requestedQuotas");
        assertProblem(app.post("/api/applications", Samples.enterprise(Samples.ENTERPRISE_PASSES, 800_000, 6)),
                422, "ENTERPRISE_QUOTAS_OUT_OF_RANGE", "enterprise.requestedQuotas");
    }

    @Test
    void onlyASignedInClerkActsAtTheCounter() throws Exception {
        assertProblem(app.post("/api/applications", Samples.individual(Samples.CAR_OWNER),
                Map.of("X-Channel", "COUNTER", "X-District", "HAIDIAN", "Authorization", "")), 403,
                "COUNTER_CHANNEL_REQUIRES_CLERK", "X-Channel");
        assertProblem(app.post("/api/applications", Samples.individual(Samples.CAR_OWNER),
                Map.of("X-Channel", "COUNTER", "X-District", "HAIDIAN")), 403,
                "COUNTER_CHANNEL_REQUIRES_CLERK", "X-Channel"); // the administrator is not a clerk
        Map<String, String> clerkClaimingChaoyang = new java.util.HashMap<>(YaohaoProcess.CLERK_7);
        clerkClaimingChaoyang.put("X-District", "CHAOYANG");
        assertProblem(app.post("/api/applications", Samples.individual(Samples.CAR_OWNER), clerkClaimingChaoyang),
                403, "COUNTER_CHANNEL_REQUIRES_CLERK", "X-District");
    }

    /** A well-formed code with a right check digit that no application has. */
    private static final String UNKNOWN = "123456789012" + ApplicationCode.checkDigit("123456789012");
    /** The same code with its last digit changed: the check digit catches it. */
    private static final String TYPO = UNKNOWN.substring(0, 12) + (char) ('0' + (UNKNOWN.charAt(12) - '0' + 1) % 10);

    @Test
    void unknownApplicationCodeIsNotFound() throws Exception {
        assertProblem(app.get("/api/applications/" + UNKNOWN), 404, "APPLICATION_NOT_FOUND", "code");
        assertProblem(app.post("/api/applications/" + UNKNOWN + "/withdrawal", null), 404, "APPLICATION_NOT_FOUND",
                "code");
        assertProblem(app.post("/api/applications/" + UNKNOWN + "/quota-type", "{\"quotaType\":\"NEW_ENERGY\"}"),
                404, "APPLICATION_NOT_FOUND", "code");
    }

    @Test
    void malformedApplicationCodeIsRefused() throws Exception {
        assertProblem(app.get("/api/applications/" + TYPO), 400, "APPLICATION_CODE_CHECK_DIGIT", "code");
        assertProblem(app.post("/api/applications/12345/withdrawal", null), 400, "APPLICATION_CODE_FORMAT", "code");
    }

    @Test
    void commandOnWithdrawnApplicationIsRefused() throws Exception {
        assertProblem(app.post("/api/applications/" + withdrawn + "/quota-type", "{\"quotaType\":\"NEW_ENERGY\"}"),
                409, "APPLICATION_WITHDRAWN", "code");
        assertProblem(app.post("/api/applications/" + withdrawn + "/withdrawal", null), 409, "APPLICATION_WITHDRAWN",
                "code");
    }

    @Test
    void unchangedQuotaTypeIsRefused() throws Exception {
        assertProblem(app.post("/api/applications/" + active + "/quota-type", "{\"quotaType\":\"ORDINARY\"}"),
                422, "QUOTA_TYPE_UNCHANGED", "quotaType");
        assertProblem(app.post("/api/applications/" + active + "/quota-type", "{\"quotaType\":\"DIESEL\"}"),
                400, "INVALID_VALUE", "quotaType");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code, String field)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(problem.get("type").asText()).endsWith(code.toLowerCase().replace('_', '-'));
        assertThat(problem.get("title").asText()).isNotBlank();
        if (field != null) {
            assertThat(problem.get("field").asText()).as(response.body()).isEqualTo(field);
        }
    }
}
