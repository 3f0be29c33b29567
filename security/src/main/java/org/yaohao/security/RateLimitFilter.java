package org.yaohao.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yaohao.kernel.common.ErrorCode;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Limits applicant sign-in (per client) and look-ups of one application (per client and per code) with 429 and
 * {@code Retry-After}. Runs after authentication, so staff are recognised and not limited. The per-code limit of the
 * sign-in itself is taken by the sign-in endpoint, which reads the code from the body.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private static final Pattern SIGN_IN = Pattern.compile("/api/applicant-sessions(/[^/]+/token)?");
    private static final Pattern LOOKUP = Pattern.compile(
            "/api/applications/(\\d{13})(/recommendation)?|/api/rounds/[^/]+/results/(\\d{13})");

    private final RateLimiter limiter;
    private final RateLimitProperties limits;

    RateLimitFilter(RateLimiter limiter, RateLimitProperties limits) {
        this.limiter = limiter;
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String client = request.getRemoteAddr();
        Optional<Duration> wait = Optional.empty();
        String field = null;
        if ("POST".equals(request.getMethod()) && SIGN_IN.matcher(path).matches()) {
            wait = limiter.acquire("sign-in|client|" + client, limits.signInPerClient());
        } else if ("GET".equals(request.getMethod()) && !staff()) {
            Matcher lookup = LOOKUP.matcher(path);
            if (lookup.matches()) {
                String code = lookup.group(1) != null ? lookup.group(1) : lookup.group(3);
                wait = limiter.acquire("lookup|client|" + client, limits.lookupPerClient());
                if (wait.isEmpty()) {
                    wait = limiter.acquire("lookup|code|" + code, limits.lookupPerCode());
                    field = "code";
                }
            }
        }
        if (wait.isPresent()) {
            RateLimitExceededException e = new RateLimitExceededException(field, wait.get());
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            Problems.write(response, 429, ErrorCode.TOO_MANY_REQUESTS, field, e.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean staff() {
        return Caller.current().map(c -> c.role() != null && c.role() != Role.APPLICANT).orElse(false);
    }
}
