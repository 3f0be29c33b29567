package org.yaohao.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.yaohao.kernel.common.District;

import java.time.Duration;
import java.util.Map;

/**
 * {@code yaohao.security.*}.
 *
 * @param mode          {@code embedded}: staff users from {@code users} (HTTP Basic) and a first-start administrator;
 *                      {@code oauth2}: staff present JWTs of the issuer in {@code oauth2}
 * @param users         staff users by name (embedded mode), each with a password hash ({@code {bcrypt}…}), a role and,
 *                      for a clerk, a district
 * @param tokenSecret   HMAC key of applicant tokens, at least 32 characters; the default is for development only and is
 *                      refused in oauth2 mode
 * @param tokenLifetime how long an applicant token holds
 * @param oauth2        the issuer of staff JWTs (oauth2 mode)
 */
@ConfigurationProperties("yaohao.security")
public record SecurityProperties(@DefaultValue("embedded") Mode mode,
                                 Map<String, UserEntry> users,
                                 @DefaultValue(DEV_TOKEN_SECRET) String tokenSecret,
                                 @DefaultValue("PT30M") Duration tokenLifetime,
                                 @DefaultValue OAuth2 oauth2) {

    /** DEVELOPMENT ONLY: the applicant token key when none is configured. Set yaohao.security.token-secret in production. */
    public static final String DEV_TOKEN_SECRET = "dev-only-applicant-token-secret-change-me-in-production";

    public SecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    public enum Mode { EMBEDDED, OAUTH2 }

    public record UserEntry(String passwordHash, Role role, District district) {
    }

    /**
     * @param issuerUri    the issuer ({@code iss}) of staff tokens; its keys are found through its OpenID discovery
     *                     document unless {@code jwkSetUri} is given
     * @param jwkSetUri    where the issuer's signing keys are, if not discovered
     * @param rolesClaim   the claim listing the caller's roles (names of {@link Role})
     * @param districtClaim the claim naming a clerk's district
     * @param nameClaim    the claim naming the user (falls back to {@code sub})
     */
    public record OAuth2(String issuerUri, String jwkSetUri,
                         @DefaultValue("roles") String rolesClaim,
                         @DefaultValue("district") String districtClaim,
                         @DefaultValue("preferred_username") String nameClaim) {
    }
}
