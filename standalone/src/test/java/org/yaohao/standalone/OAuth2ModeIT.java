package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/**
 * The production sign-in of staff: {@code yaohao.security.mode=oauth2}, JWTs of an issuer whose keys a real HTTP server
 * serves. Staff act with their token's name, role and district; HTTP Basic is off and no administrator is created;
 * applicants still sign in with their code.
 */
class OAuth2ModeIT {

    private static final String ISSUER = "https://idp.example/realms/yaohao";

    @Test
    void staffActWithTheIssuersTokensAndBasicIsOff(@TempDir Path dir) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        HttpServer idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/jwks", exchange -> {
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        idp.start();
        Path data = dir.resolve("data");
        try (YaohaoProcess app = YaohaoProcess.start(data, "--yaohao.security.mode=oauth2",
                "--yaohao.security.oauth2.issuer-uri=" + ISSUER,
                "--yaohao.security.oauth2.jwk-set-uri=http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks",
                "--yaohao.security.token-secret=oauth2-mode-test-secret-of-32-characters-or-more")) {
            assertThat(Files.exists(data.resolve("initial-admin-password"))).isFalse();
            Map<String, String> clerk = YaohaoProcess.bearer(token(key, ISSUER, "clerk-31", List.of("CLERK"), "XICHENG"));
            Map<String, String> analyst = YaohaoProcess.bearer(token(key, ISSUER, "analyst-2", List.of("ANALYST"), null));

            HttpResponse<String> created = app.post("/api/applications", Samples.individual(Samples.PASSES_HUKOU),
                    clerk);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String code = JSON.readTree(created.body()).get("code").asText();
            HttpResponse<String> view = app.get("/api/applications/" + code, clerk);
            for (int i = 0; i < 200 && view.statusCode() == 404; i++) { // the projection follows the event
                Thread.sleep(50);
                view = app.get("/api/applications/" + code, clerk);
            }
            assertThat(view.statusCode()).isEqualTo(200);
            JsonNode submitted = JSON.readTree(view.body()).get("timeline").get(0);
            assertThat(submitted.get("actingUser").asText()).isEqualTo("clerk-31");
            assertThat(submitted.get("channel").asText()).isEqualTo("COUNTER");
            assertThat(submitted.get("district").asText()).isEqualTo("XICHENG");

            assertThat(app.get("/api/applications/" + code, analyst).statusCode()).isEqualTo(403);
            assertThat(app.get("/api/applications/" + code, YaohaoProcess.CLERK_7).statusCode())
                    .as("no Basic users in oauth2 mode").isEqualTo(401);
            assertThat(app.get("/api/applications/" + code, YaohaoProcess.bearer(
                    token(key, "https://elsewhere.example", "x", List.of("ADMIN"), null))).statusCode())
                    .as("another issuer's token").isEqualTo(401);

            String applicant = ApplicantAccessIT.signIn(app, code, Samples.PASSES_HUKOU, "13800138000", "d1");
            assertThat(app.get("/api/applications/" + code, YaohaoProcess.bearer(applicant)).statusCode())
                    .isEqualTo(200);
        } finally {
            idp.stop(0);
        }
    }

    private static String token(RSAKey key, String issuer, String name, List<String> roles, String district)
            throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject("sub-" + name)
                .claim("preferred_username", name).claim("roles", roles)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
        if (district != null) {
            claims.claim("district", district);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").type(JOSEObjectType.JWT)
                .build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
