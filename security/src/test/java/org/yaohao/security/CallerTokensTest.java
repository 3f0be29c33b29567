package org.yaohao.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.yaohao.kernel.common.District;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bearer tokens as both modes verify them, the issuer's keys served by a real HTTP server: staff JWTs of the configured
 * issuer (oauth2 mode) and Yaohao's own applicant tokens (both modes).
 */
class CallerTokensTest {

    private static final String ISSUER = "https://idp.example/realms/yaohao";
    private static final String SECRET = "test-applicant-token-secret-of-at-least-32-chars";

    private HttpServer idp;
    private RSAKey key;

    @BeforeEach
    void startIssuer() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        idp.start();
    }

    @AfterEach
    void stopIssuer() {
        idp.stop(0);
    }

    private SecurityProperties properties(SecurityProperties.Mode mode) {
        return new SecurityProperties(mode, Map.of(), SECRET, Duration.ofMinutes(30),
                new SecurityProperties.OAuth2(ISSUER, "http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks",
                        "roles", "district", "preferred_username"));
    }

    private Caller caller(SecurityProperties properties, String token) {
        SecurityConfiguration configuration = new SecurityConfiguration();
        ApplicantTokens tokens = configuration.applicantTokens(properties, Optional.empty());
        JwtDecoder decoder = configuration.callerJwtDecoder(properties, tokens);
        Jwt jwt = decoder.decode(token);
        return Caller.of(new CallerJwtConverter(properties.oauth2()).convert(jwt)).orElseThrow();
    }

    private String staffToken(String issuer, Map<String, Object> claims) throws Exception {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer).subject("u-123")
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).issueTime(new Date());
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").type(JOSEObjectType.JWT)
                .build(), builder.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aClerkOfTheIssuerIsAClerkOfTheirDistrict() throws Exception {
        String token = staffToken(ISSUER, Map.of("roles", List.of("CLERK"), "district", "HAIDIAN",
                "preferred_username", "clerk-12"));

        assertThat(caller(properties(SecurityProperties.Mode.OAUTH2), token))
                .isEqualTo(new Caller("clerk-12", Role.CLERK, District.HAIDIAN, null));
    }

    @Test
    void aClerkWithoutADistrictGetsNoRole() throws Exception {
        String token = staffToken(ISSUER, Map.of("roles", List.of("CLERK")));

        assertThat(caller(properties(SecurityProperties.Mode.OAUTH2), token).role()).isNull();
    }

    @Test
    void anIssuerTokenCannotMakeItselfAnApplicant() throws Exception {
        String token = staffToken(ISSUER, Map.of("roles", List.of("APPLICANT", "ANALYST"), "application",
                "2643806522199"));

        Caller caller = caller(properties(SecurityProperties.Mode.OAUTH2), token);
        assertThat(caller.role()).isEqualTo(Role.ANALYST);
        assertThat(caller.ownsApplication("2643806522199")).isFalse();
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        String token = staffToken("https://elsewhere.example", Map.of("roles", List.of("REGULATOR")));

        assertThatThrownBy(() -> caller(properties(SecurityProperties.Mode.OAUTH2), token))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void inEmbeddedModeNoIssuerTokenIsAccepted() throws Exception {
        String token = staffToken(ISSUER, Map.of("roles", List.of("ADMIN")));

        assertThatThrownBy(() -> caller(properties(SecurityProperties.Mode.EMBEDDED), token))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void anApplicantTokenIsForItsOwnApplicationOnly() {
        SecurityProperties properties = properties(SecurityProperties.Mode.EMBEDDED);
        String token = new SecurityConfiguration().applicantTokens(properties, Optional.empty())
                .issue("2643806522199").token();

        Caller caller = caller(properties, token);
        assertThat(caller.role()).isEqualTo(Role.APPLICANT);
        assertThat(caller.ownsApplication("2643806522199")).isTrue();
        assertThat(caller.ownsApplication("2643806522200")).isFalse();
    }

    @Test
    void anApplicantTokenSignedWithAnotherKeyIsRefused() throws Exception {
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .issuer(ApplicantTokens.ISSUER).claim("roles", List.of("APPLICANT"))
                .claim("application", "2643806522199").expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
        forged.sign(new MACSigner("another-secret-of-at-least-32-characters!!"));

        assertThatThrownBy(() -> caller(properties(SecurityProperties.Mode.EMBEDDED), forged.serialize()))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void theDevelopmentSecretIsRefusedInOauth2Mode() {
        SecurityProperties properties = new SecurityProperties(SecurityProperties.Mode.OAUTH2, Map.of(),
                SecurityProperties.DEV_TOKEN_SECRET, Duration.ofMinutes(30), properties(SecurityProperties.Mode.OAUTH2)
                .oauth2());

        assertThatThrownBy(() -> new SecurityConfiguration().applicantTokens(properties, Optional.empty()))
                .hasMessageContaining("token-secret");
    }
}
