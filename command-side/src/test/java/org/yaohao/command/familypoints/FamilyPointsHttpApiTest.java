package org.yaohao.command.familypoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.command.web.CommandProblemHandler;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@code POST /api/family-points/calculation} on a real server socket, refusals through the real problem handler. */
@SpringBootTest(classes = FamilyPointsHttpApiTest.Api.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.jackson.deserialization.fail-on-unknown-properties=true",
                "spring.mvc.problemdetails.enabled=true"})
class FamilyPointsHttpApiTest {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
    @Import({FamilyPointsController.class, CommandProblemHandler.class})
    static class Api {

        @Bean
        FamilyPointsCalculator familyPointsCalculator() {
            return new FamilyPointsCalculator();
        }

        @Bean
        PolicyCatalog policyCatalog() {
            return PolicyCatalog.load(null, "2023-guide");
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> calculate(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/family-points/calculation"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void scoresAFamilyUnderTheActivePolicyByDefault() throws Exception {
        HttpResponse<String> response = calculate("""
                {"generations":2,"members":[
                  {"role":"MAIN","adult":true,"socialInsuranceYears":10,"lotterySteps":0},
                  {"role":"SPOUSE","adult":true,"socialInsuranceYears":3,"lotterySteps":0},
                  {"role":"CHILD","adult":false,"socialInsuranceYears":0,"lotterySteps":0}],
                 "roundsEnteredWithoutWinning":4,"fullYearsApplied":0}""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode points = body(response);
        assertThat(points.get("policyVersion").asText()).isEqualTo("2023-guide");
        assertThat(points.get("formula").asText()).isEqualTo("GUIDE_2023");
        assertThat(points.get("totalTenths").asLong()).isEqualTo(676);
        assertThat(points.get("total").asText()).isEqualTo("67.6");
        assertThat(points.get("terms")).extracting(t -> t.get("expression").asText(), t -> t.get("tenths").asLong())
                .containsExactly(tuple("20 + 15 × 2 generations", 500L), tuple("1 × 10 years", 100L),
                        tuple("1.2 × 3 years", 36L), tuple("0: only adults' insurance years count", 0L),
                        tuple("1 × 4 rounds", 40L));
    }

    @Test
    void scoresTheMunicipalExampleUnderTheNamedPolicy() throws Exception {
        HttpResponse<String> response = calculate("""
                {"policyVersion":"beijing-2021","generations":3,"members":[
                  {"role":"MAIN","adult":true,"lotterySteps":5},
                  {"role":"SPOUSE","adult":true,"lotterySteps":5},
                  {"role":"PARENT","adult":true,"lotterySteps":5},
                  {"role":"PARENT","adult":true,"lotterySteps":5},
                  {"role":"PARENT_IN_LAW","adult":true},
                  {"role":"PARENT_IN_LAW","adult":true},
                  {"role":"CHILD","adult":false},
                  {"role":"child","adult":false}]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).get("total").asText()).isEqualTo("126.0");
        assertThat(body(response).get("formula").asText()).isEqualTo("MUNICIPAL_2021");
        assertThat(body(response).get("terms")).hasSize(8);
    }

    @Test
    void namesAnUnknownRole() throws Exception {
        HttpResponse<String> response = calculate("""
                {"generations":2,"members":[
                  {"role":"MAIN","adult":true,"socialInsuranceYears":10},
                  {"role":"COUSIN","adult":true,"socialInsuranceYears":3}]}""");

        assertProblem(response);
        JsonNode problem = body(response);
        assertThat(problem.get("code").asText()).isEqualTo("INVALID_VALUE");
        assertThat(problem.get("field").asText()).isEqualTo("members[1].role");
        assertThat(problem.get("detail").asText()).contains("MAIN", "SPOUSE", "CHILD", "PARENT", "PARENT_IN_LAW")
                .doesNotContain("COUSIN");
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("members[1].role");
    }

    @Test
    void namesEveryBadFieldWithItsRuleAtOnce() throws Exception {
        HttpResponse<String> response = calculate("""
                {"policyVersion":"2019","generations":4,"members":[
                  {"role":"MAIN","adult":true,"socialInsuranceYears":10},
                  {"role":"MAIN","socialInsuranceYears":-3}],
                 "roundsEnteredWithoutWinning":-1}""");

        assertProblem(response);
        assertThat(body(response).get("errors")).extracting(e -> e.get("field").asText(), e -> e.get("code").asText())
                .containsExactly(
                        tuple("policyVersion", "INVALID_VALUE"),
                        tuple("members[1].adult", "MISSING_FIELD"),
                        tuple("generations", "INVALID_VALUE"),
                        tuple("members[1].role", "INVALID_VALUE"),
                        tuple("members[1].socialInsuranceYears", "INVALID_VALUE"),
                        tuple("roundsEnteredWithoutWinning", "INVALID_VALUE"));
        assertThat(body(response).get("errors").get(0).get("detail").asText()).contains("2023-guide", "beijing-2021");
    }

    @Test
    void namesMissingRequiredFieldsOnce() throws Exception {
        HttpResponse<String> response = calculate("{}");

        assertProblem(response);
        assertThat(body(response).get("errors")).extracting(e -> e.get("field").asText(), e -> e.get("code").asText())
                .containsExactly(tuple("generations", "MISSING_FIELD"), tuple("members", "MISSING_FIELD"));
    }

    @Test
    void namesANullMemberOnce() throws Exception {
        HttpResponse<String> response = calculate("""
                {"generations":1,"members":[{"role":"MAIN","adult":true},null]}""");

        assertProblem(response);
        assertThat(body(response).get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("members[1]");
    }

    @Test
    void refusesAnUnknownFieldAndAWrongType() throws Exception {
        HttpResponse<String> unknown = calculate("""
                {"generations":1,"income":3,"members":[{"role":"MAIN","adult":true},{"role":"SPOUSE","adult":true}]}""");
        HttpResponse<String> wrongType = calculate("""
                {"generations":"three","members":[{"role":"MAIN","adult":true},{"role":"SPOUSE","adult":true}]}""");

        assertProblem(unknown);
        assertThat(body(unknown).get("field").asText()).isEqualTo("income");
        assertProblem(wrongType);
        assertThat(body(wrongType).get("field").asText()).isEqualTo("generations");
    }
}
