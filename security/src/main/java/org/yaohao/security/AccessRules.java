package org.yaohao.security;

import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Arrays;
import java.util.function.BiPredicate;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Who may call which endpoint: the one place to read it. The first matching rule decides. An applicant reaches only
 * the application their token is for (and its deposits and quotas); regulators read everything, and only they read unmasked
 * personal data; analysts read statistics (and what is public); clerks and administrators act for applicants.
 */
final class AccessRules {

    private AccessRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/error").permitAll()
                // documentation and probes
                .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .permitAll()
                .requestMatchers(GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                        "/actuator/prometheus").permitAll()
                .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                // public: the gateway's signed callbacks, the calculator, sign-in, published rounds
                .requestMatchers(POST, "/api/payments/callbacks").permitAll()
                .requestMatchers(POST, "/api/family-points/calculation").permitAll()
                .requestMatchers(POST, "/api/applicant-sessions", "/api/applicant-sessions/*/token").permitAll()
                .requestMatchers(GET, "/api/dev/inbox/*").permitAll()
                // applications
                .requestMatchers(POST, "/api/applications")
                .access(AuthorizationManagers.anyOf(AuthenticatedAuthorizationManager.anonymous(),
                        roles(Role.APPLICANT, Role.CLERK, Role.ADMIN)))
                .requestMatchers(GET, "/api/applications/{code}/personal-data").hasRole(Role.REGULATOR.name())
                .requestMatchers(POST, "/api/applications/{code}/**")
                .access(ownOr("code", Caller::ownsApplication, Role.CLERK, Role.ADMIN))
                .requestMatchers(GET, "/api/applications/{code}", "/api/applications/{code}/**")
                .access(ownOr("code", Caller::ownsApplication, Role.CLERK, Role.REGULATOR, Role.ADMIN))
                // deposits and payments
                .requestMatchers(POST, "/api/deposits/{depositId}/**")
                .access(ownOr("depositId", AccessRules::ownsDeposit, Role.CLERK, Role.ADMIN))
                .requestMatchers(GET, "/api/deposits/overdue-refunds", "/api/payments/ledger", "/api/access-log")
                .hasAnyRole(Role.REGULATOR.name(), Role.ADMIN.name())
                // rounds: commands for the operators and the regulator, one application's part for its owner and staff
                .requestMatchers(POST, "/api/rounds", "/api/rounds/**")
                .hasAnyRole(Role.ADMIN.name(), Role.REGULATOR.name())
                .requestMatchers(GET, "/api/rounds/{roundId}/results/{code}")
                .access(ownOr("code", Caller::ownsApplication, Role.CLERK, Role.REGULATOR, Role.ADMIN))
                .requestMatchers(GET, "/api/rounds", "/api/rounds/*", "/api/rounds/*/results", "/api/rounds/*/pools/*")
                .permitAll()
                // audit from the event log: regulators (unmasked, every read recorded) and administrators (masked)
                .requestMatchers(GET, "/api/audit/applications/{code}/events", "/api/audit/events")
                .hasAnyRole(Role.REGULATOR.name(), Role.ADMIN.name())
                .requestMatchers(POST, "/api/audit/draws/*/*/verification")
                .hasAnyRole(Role.REGULATOR.name(), Role.ADMIN.name())
                // operators: the projections' processing, dead letters and rebuilds
                .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                // quotas: the holder and staff; revocation by the regulator; a notice's verification code by anyone
                .requestMatchers(GET, "/api/quotas/verification/*").permitAll()
                .requestMatchers(POST, "/api/quotas/{quotaId}/revocation").hasRole(Role.REGULATOR.name())
                .requestMatchers(POST, "/api/quotas/{quotaId}/extensions", "/api/quotas/{quotaId}/registration")
                .access(ownOr("quotaId", AccessRules::ownsQuota, Role.CLERK, Role.ADMIN))
                .requestMatchers(GET, "/api/quotas/{quotaId}", "/api/quotas/{quotaId}/notice")
                .access(ownOr("quotaId", AccessRules::ownsQuota, Role.CLERK, Role.REGULATOR, Role.ADMIN))
                // statistics: analysts, regulators and operators; not the public (look-ups per hour, channels and
                // counters are operational figures, and a what-if runs thousands of draws)
                .requestMatchers(GET, "/api/statistics", "/api/statistics/**", "/statistics")
                .hasAnyRole(Role.ANALYST.name(), Role.REGULATOR.name(), Role.ADMIN.name())
                .requestMatchers(POST, "/api/statistics/what-if")
                .hasAnyRole(Role.ANALYST.name(), Role.REGULATOR.name(), Role.ADMIN.name())
                // anything else under /api that a regulator reads
                .requestMatchers(GET, "/api/**").hasRole(Role.REGULATOR.name())
                .anyRequest().denyAll();
    }

    /** A deposit id is {@code <application code>-<round id>}: the applicant owns the deposits of their application. */
    private static boolean ownsDeposit(Caller caller, String depositId) {
        return caller.applicationCode() != null && caller.is(Role.APPLICANT)
                && depositId.startsWith(caller.applicationCode() + "-");
    }

    /**
     * A quota id is {@code <round id>-<application code>[-<n>]} (the round id has 11 characters): the applicant owns
     * the quotas their application won.
     */
    private static boolean ownsQuota(Caller caller, String quotaId) {
        String code = caller.applicationCode();
        return code != null && caller.is(Role.APPLICANT) && quotaId.length() >= 25 && quotaId.startsWith(code, 12)
                && (quotaId.length() == 25 || quotaId.charAt(25) == '-');
    }

    private static AuthorizationManager<RequestAuthorizationContext> roles(Role... roles) {
        return AuthorityAuthorizationManager.hasAnyRole(Arrays.stream(roles).map(Role::name).toArray(String[]::new));
    }

    @SuppressWarnings("deprecation") // check() is what AuthorizationManager's authorize() calls
    private static AuthorizationManager<RequestAuthorizationContext> ownOr(String variable,
            BiPredicate<Caller, String> owns, Role... roles) {
        AuthorizationManager<RequestAuthorizationContext> staff = roles(roles);
        AuthorizationManager<RequestAuthorizationContext> own = (authentication, context) ->
                new AuthorizationDecision(Caller.of(authentication.get())
                        .filter(caller -> owns.test(caller, context.getVariables().get(variable))).isPresent());
        return AuthorizationManagers.anyOf(own, staff);
    }
}
