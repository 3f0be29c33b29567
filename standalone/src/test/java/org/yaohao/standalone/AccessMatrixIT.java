package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/**
 * Every endpoint × every kind of caller against the running jar: allowed (the request reaches the endpoint, whatever
 * the endpoint then answers), 401 (nobody valid signed in) or 403 (signed in, not allowed), the refusals as problem
 * details. An applicant's column is checked twice: on their own application and on somebody else's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    /** Allowed; 401; 403; for an applicant: allowed on their own application, 403 on another's. */
    private static final char A = 'A', U = '1', F = '3', O = 'O';

    private record Row(String method, String path, String body, String expected) {
    }

    private static final String ROUND = "/api/rounds/2023-ORD-05";
    private static final String TOO_LONG = "{\"reason\":\"" + "x".repeat(501) + "\"}";

    private static final List<String> COLUMNS = List.of("anonymous", "applicant", "clerk", "regulator", "analyst",
            "admin");

    /** Columns: anonymous, applicant, clerk, regulator, analyst, admin. {c}: an application's code. */
    private static final List<Row> MATRIX = List.of(
            new Row("POST", "/api/applications", "{}", "AAA33A"),
            new Row("POST", "/api/applications/{c}/quota-type", "{}", "1OA33A"),
            new Row("POST", "/api/applications/{c}/withdrawal", TOO_LONG, "1OA33A"),
            new Row("POST", "/api/applications/{c}/deposits", "{}", "1OA33A"),
            new Row("GET", "/api/applications/{c}", null, "1OAA3A"),
            new Row("GET", "/api/applications/{c}/recommendation", null, "1OAA3A"),
            new Row("GET", "/api/applications/{c}/personal-data", null, "133A33"),
            new Row("POST", "/api/deposits/{c}-2027-ORD-01/payments", "{}", "1OA33A"),
            new Row("POST", "/api/deposits/{c}-2027-ORD-01/carry-over", "{}", "1OA33A"),
            new Row("POST", "/api/payments/callbacks", "{}", "AAAAAA"),
            new Row("GET", "/api/payments/ledger?depositId={c}-2027-ORD-01", null, "133A3A"),
            new Row("GET", "/api/deposits/overdue-refunds", null, "133A3A"),
            new Row("POST", "/api/family-points/calculation", "{}", "AAAAAA"),
            new Row("POST", "/api/rounds", "{}", "133A3A"),
            new Row("POST", ROUND + "/seed-commitment", "{}", "133A3A"),
            new Row("POST", ROUND + "/pool-freeze", null, "133A3A"),
            new Row("POST", ROUND + "/draw", "{}", "133A3A"),
            new Row("POST", ROUND + "/results-publication", null, "133A3A"),
            new Row("GET", "/api/rounds", null, "AAAAAA"),
            new Row("GET", ROUND, null, "AAAAAA"),
            new Row("GET", ROUND + "/results", null, "AAAAAA"),
            new Row("GET", ROUND + "/pools/PERSONAL", null, "AAAAAA"),
            new Row("GET", ROUND + "/results/{c}", null, "1OAA3A"),
            new Row("GET", "/api/access-log", null, "133A3A"),
            new Row("POST", "/api/quotas/2023-ORD-05-{c}/extensions", "{}", "1OA33A"),
            new Row("POST", "/api/quotas/2023-ORD-05-{c}/registration", "{}", "1OA33A"),
            new Row("POST", "/api/quotas/2023-ORD-05-{c}/revocation", "{}", "133A33"),
            new Row("GET", "/api/quotas/2023-ORD-05-{c}", null, "1OAA3A"),
            new Row("GET", "/api/quotas/2023-ORD-05-{c}/notice", null, "1OAA3A"),
            new Row("GET", "/api/quotas/verification/ABCD-EFGH-JKMN-PQRS", null, "AAAAAA"),
            new Row("GET", "/api/statistics/quota-extensions", null, "133AAA"),
            new Row("GET", "/api/audit/applications/{c}/events", null, "133A3A"),
            new Row("GET", "/api/audit/events?limit=1", null, "133A3A"),
            new Row("POST", "/api/audit/draws/2023-ORD-05/PERSONAL/verification", null, "133A3A"),
            new Row("GET", "/api/admin/projections", null, "13333A"),
            new Row("POST", "/api/admin/projections/no-such-projection/dead-letters/retry", null, "13333A"),
            new Row("POST", "/api/admin/projections/no-such-projection/rebuild", null, "13333A"),
            new Row("POST", "/api/applicant-sessions", "{}", "AAAAAA"),
            new Row("POST", "/api/applicant-sessions/no-such-challenge/token", "{}", "AAAAAA"),
            new Row("GET", "/api/dev/inbox/13700137000", null, "AAAAAA"),
            new Row("GET", "/api/statistics", null, "133AAA"),
            new Row("GET", "/api/statistics/channels", null, "133AAA"),
            new Row("GET", "/api/statistics/channels.csv", null, "133AAA"),
            new Row("GET", "/api/statistics/charts/win-probability.svg", null, "133AAA"),
            new Row("POST", "/api/statistics/what-if", "{}", "133AAA"),
            new Row("GET", "/statistics", null, "133AAA"),
            new Row("GET", "/v3/api-docs", null, "AAAAAA"));

    private YaohaoProcess app;
    private String own;
    private String other;
    private final Map<String, Map<String, String>> callers = new LinkedHashMap<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        // every caller tries the sign-in endpoints here: more than the default limit of one client
        app = YaohaoProcess.start(dir.resolve("data"), "--yaohao.rate-limit.sign-in-per-client=100",
                "--yaohao.rate-limit.sign-in-per-code=100");
        own = submit(Samples.PASSES_HUKOU); // the applicant's own; the other is somebody else's
        other = submit(Samples.PASSES_WORK_PERMIT);
        callers.put("anonymous", YaohaoProcess.ANONYMOUS);
        callers.put("applicant", YaohaoProcess.bearer(ApplicantAccessIT.signIn(app, own, Samples.PASSES_HUKOU,
                "13800138000", "matrix-device")));
        callers.put("clerk", YaohaoProcess.CLERK_7);
        callers.put("regulator", YaohaoProcess.REGULATOR);
        callers.put("analyst", YaohaoProcess.ANALYST);
        callers.put("admin", app.admin());
    }

    private String submit(String idNumber) throws Exception {
        HttpResponse<String> created = app.post("/api/applications", Samples.individual(idNumber),
                YaohaoProcess.ANONYMOUS); // anyone may submit from the website or the app
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body()).get("code").asText();
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheMatrixSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Row row : MATRIX) {
            for (int column = 0; column < COLUMNS.size(); column++) {
                String who = COLUMNS.get(column);
                Map<String, String> credentials = callers.get(who);
                if (credentials == null) {
                    continue;
                }
                char expected = row.expected().charAt(column);
                if (expected == O) {
                    check(row, own, who, credentials, A, wrong);
                    check(row, other, who + " on another's application", credentials, F, wrong);
                } else {
                    check(row, own, who, credentials, expected, wrong);
                }
            }
        }
        assertThat(wrong).as("answers that differ from the matrix").isEmpty();
    }

    private void check(Row row, String code, String who, Map<String, String> credentials, char expected,
                       List<String> wrong) throws Exception {
        String path = row.path().replace("{c}", code);
        HttpResponse<String> response = row.method().equals("GET") ? app.get(path, credentials)
                : app.post(path, row.body(), credentials);
        String problemCode = problemCode(response);
        boolean matches = switch (expected) {
            // the endpoint itself may refuse (a callback without the gateway's signature is 401 of its own)
            case A -> !"AUTHENTICATION_REQUIRED".equals(problemCode) && !"ACCESS_DENIED".equals(problemCode);
            case U -> response.statusCode() == 401 && "AUTHENTICATION_REQUIRED".equals(problemCode)
                    && isProblem(response);
            case F -> response.statusCode() == 403 && "ACCESS_DENIED".equals(problemCode) && isProblem(response);
            default -> throw new IllegalArgumentException("unknown expectation " + expected);
        };
        if (!matches) {
            wrong.add(row.method() + " " + row.path() + " as " + who + ": expected " + expected + ", got "
                    + response.statusCode() + " " + problemCode);
        }
    }

    @Test
    void wrongCredentialsAreRefusedAsUnauthenticated() throws Exception {
        HttpResponse<String> wrongPassword = app.get("/api/deposits/overdue-refunds",
                YaohaoProcess.basic("regulator-1", "guess"));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(problemCode(wrongPassword)).isEqualTo("AUTHENTICATION_REQUIRED");
        HttpResponse<String> forgedToken = app.get("/api/applications/" + own,
                YaohaoProcess.bearer("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"));
        assertThat(forgedToken.statusCode()).isEqualTo(401);
        assertThat(forgedToken.body()).doesNotContain(Samples.PASSES_HUKOU);
    }

    private static boolean isProblem(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    private static String problemCode(HttpResponse<String> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            return body.path("code").asText(null);
        } catch (Exception notJson) {
            return null;
        }
    }
}
