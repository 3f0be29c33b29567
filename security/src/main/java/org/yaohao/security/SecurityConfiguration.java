package org.yaohao.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.yaohao.kernel.common.ErrorCode;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Security of both sides (imported by each side's configuration; once in the standalone jar). Stateless: every request
 * carries its credentials. Embedded mode ({@code yaohao.security.mode=embedded}, the default): staff by HTTP Basic
 * against {@link StaffUsers}. OAuth2 mode: staff by JWTs of {@code yaohao.security.oauth2.issuer-uri}. In both,
 * applicants by the tokens of {@link ApplicantTokens}. Refusals are problem details: 401 when nobody (valid) is signed
 * in, 403 when the caller may not.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties({SecurityProperties.class, RateLimitProperties.class})
public class SecurityConfiguration {

    /**
     * No observation (trace span and timer) per security filter: with Micrometer on the classpath Spring Security
     * wraps each of its ~15 filters in one, which cost a third of a result look-up's CPU. Requests are still timed
     * as a whole ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The access rules' paths are matched as path patterns on the request's path. Without this bean each rule asks
     * Spring MVC's handler mappings how it would match the request (MvcRequestMatcher), which made the rule
     * matching cost about as much as answering a result look-up.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * Spring Security wraps its filter chain in Spring MVC's handler-mapping cache filter
     * ({@code HandlerMappingIntrospector.createCacheFilter()}), which finds the handler of every request once more
     * before the dispatcher does: 8.7 % of a cached result look-up's Java samples. The cache serves MVC request
     * matchers and CORS configured through Spring MVC, neither used here (the access rules match path patterns, see
     * above; no CORS): the chain is registered without it, as {@code WebSecurityConfiguration} left it (behind the
     * filter that parses the request path once for the path patterns). Leaves the registration alone if it does not
     * have the shape of Spring Security 6.5's wrapping.
     */
    @Bean
    static BeanFactoryPostProcessor securityFilterChainWithoutHandlerMappingCache() {
        return beanFactory -> {
            String name = AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME;
            if (!(beanFactory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(name)) {
                return;
            }
            BeanDefinition chain = registry.getBeanDefinition(name);
            ConstructorArgumentValues.ValueHolder filters =
                    chain.getConstructorArgumentValues().getIndexedArgumentValue(0, List.class);
            if (String.valueOf(chain.getBeanClassName()).endsWith("WebMvcSecurityConfiguration$CompositeFilterChainProxy")
                    && filters != null && filters.getValue() instanceof List<?> wrapped && wrapped.size() == 2
                    && wrapped.get(1) instanceof BeanDefinition built) {
                registry.removeBeanDefinition(name);
                registry.registerBeanDefinition(name, built);
            }
        };
    }

    @Bean
    SecurityFilterChain yaohaoSecurity(HttpSecurity http, SecurityProperties properties, JwtDecoder jwtDecoder,
                                       RateLimiter rateLimiter, RateLimitProperties rateLimits) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", properties.mode() == SecurityProperties.Mode.EMBEDDED
                    ? "Basic realm=\"yaohao\", Bearer" : "Bearer");
            Problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, ErrorCode.AUTHENTICATION_REQUIRED, null,
                    "sign in: staff with their user, applicants with a token from /api/applicant-sessions");
        };
        AccessDeniedHandler denied = (request, response, e) -> Problems.write(response,
                HttpServletResponse.SC_FORBIDDEN, ErrorCode.ACCESS_DENIED, null,
                "the caller's role does not allow " + request.getMethod() + " on this resource");
        http.csrf(csrf -> csrf.disable()) // no cookies, no sessions: nothing for a forged request to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(AccessRules::apply)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .oauth2ResourceServer(o -> o.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied)
                        .jwt(jwt -> jwt.decoder(jwtDecoder)
                                .jwtAuthenticationConverter(new CallerJwtConverter(properties.oauth2()))));
        if (rateLimits.enabled()) {
            http.addFilterBefore(new RateLimitFilter(rateLimiter, rateLimits), AuthorizationFilter.class);
        }
        if (properties.mode() == SecurityProperties.Mode.EMBEDDED) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated));
        } else {
            http.httpBasic(basic -> basic.disable());
        }
        return http.build();
    }

    /** The buckets of the rate limits, shared by the filter and the sign-in endpoint's per-code limit. */
    @Bean
    RateLimiter rateLimiter() {
        return new RateLimiter(Clock.systemUTC());
    }

    /** Staff passwords hashed with bcrypt (or any id Spring knows); a verified password is remembered for minutes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                                              Duration.ofMinutes(5), 10_000, Clock.systemUTC());
    }

    /** Staff users of the embedded mode; in oauth2 mode there are none (staff come with the issuer's tokens). */
    @Bean
    UserDetailsService staffUsers(SecurityProperties properties, PasswordEncoder encoder,
                                  @Value("${yaohao.data-dir:./data}") Path dataDir) {
        if (properties.mode() == SecurityProperties.Mode.OAUTH2) {
            return name -> {
                throw new org.springframework.security.core.userdetails.UsernameNotFoundException("oauth2 mode");
            };
        }
        return StaffUsers.from(properties, dataDir, encoder);
    }

    @Bean
    ApplicantTokens applicantTokens(SecurityProperties properties, Optional<Clock> clock) {
        if (properties.mode() == SecurityProperties.Mode.OAUTH2
                && SecurityProperties.DEV_TOKEN_SECRET.equals(properties.tokenSecret())) {
            throw new IllegalStateException("yaohao.security.token-secret must be set in oauth2 mode: the default is "
                    + "for development only");
        }
        return new ApplicantTokens(properties.tokenSecret(), properties.tokenLifetime(),
                clock.orElse(Clock.systemUTC()));
    }

    @Bean
    JwtDecoder callerJwtDecoder(SecurityProperties properties, ApplicantTokens applicantTokens) {
        JwtDecoder issuer = null;
        if (properties.mode() == SecurityProperties.Mode.OAUTH2) {
            SecurityProperties.OAuth2 oauth2 = properties.oauth2();
            if (oauth2.issuerUri() == null || oauth2.issuerUri().isBlank()) {
                throw new IllegalStateException("yaohao.security.oauth2.issuer-uri must be set in oauth2 mode");
            }
            NimbusJwtDecoder decoder = oauth2.jwkSetUri() == null || oauth2.jwkSetUri().isBlank()
                    ? NimbusJwtDecoder.withIssuerLocation(oauth2.issuerUri()).build()
                    : NimbusJwtDecoder.withJwkSetUri(oauth2.jwkSetUri()).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(oauth2.issuerUri())));
            issuer = decoder;
        }
        return new CallerJwtDecoder(applicantTokens.decoder(), issuer);
    }
}
