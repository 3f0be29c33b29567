package org.yaohao.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.text.ParseException;

/**
 * Verifies a bearer token by who signed it: HMAC tokens are Yaohao's own applicant tokens; any other algorithm is a
 * staff token of the configured issuer (oauth2 mode only; in embedded mode there is none and such tokens are refused).
 */
final class CallerJwtDecoder implements JwtDecoder {

    private final JwtDecoder applicantTokens;
    private final JwtDecoder issuer;

    CallerJwtDecoder(JwtDecoder applicantTokens, JwtDecoder issuer) {
        this.applicantTokens = applicantTokens;
        this.issuer = issuer;
    }

    @Override
    public Jwt decode(String token) {
        JWSAlgorithm algorithm;
        try {
            if (!(JWTParser.parse(token) instanceof SignedJWT signed)) {
                throw new BadJwtException("the token is not signed");
            }
            algorithm = signed.getHeader().getAlgorithm();
        } catch (ParseException e) {
            throw new BadJwtException("the token is not a JWT");
        }
        if (JWSAlgorithm.HS256.equals(algorithm)) {
            return applicantTokens.decode(token);
        }
        if (issuer == null) {
            throw new BadJwtException("staff tokens are accepted in oauth2 mode only");
        }
        return issuer.decode(token);
    }
}
