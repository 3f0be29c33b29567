package org.yaohao.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.security.Caller;
import org.yaohao.security.Problems;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on command POSTs: the first request with a key is carried out and its answer (status,
 * {@code Location}, body) kept for {@value #KEEP_HOURS} hours in the application's database; a repeat by the same
 * caller gets that answer again ({@code Idempotent-Replayed: true}) and changes nothing. The same key on a different
 * request is refused (422), a repeat while the first still runs gets 409. A 5xx answer is not kept: the request may be
 * tried again. Keys are per caller, so nobody sees another's answer by guessing a key.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int KEEP_HOURS = 24;
    static final String SCHEMA = "idempotency-schema.sql";
    /** A first request that has not finished after this long died with its process; a repeat may run again. */
    private static final Duration ABANDONED = Duration.ofMinutes(2);

    private record Stored(String requestHash, String state, Integer status, String contentType, String location,
                          byte[] body, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Instant purgedAt = Instant.EPOCH;

    IdempotencyFilter(DataSource dataSource, Clock clock) {
        new ResourceDatabasePopulator(new ClassPathResource(SCHEMA)).execute(dataSource);
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!key.matches("[A-Za-z0-9._:-]{1,100}")) {
            Problems.write(response, 400, ErrorCode.INVALID_VALUE, HEADER,
                    "'" + HEADER + "' has 1 to 100 letters, digits or . _ : -");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String caller = Caller.current().map(c -> c.role() + ":" + c.name() + ":" + c.applicationCode())
                .orElse("anonymous");
        String id = sha256((caller + "\n" + key).getBytes(StandardCharsets.UTF_8));
        String requestHash = sha256(concat((request.getMethod() + " " + request.getRequestURI() + "?"
                + request.getQueryString() + "\n").getBytes(StandardCharsets.UTF_8), body));
        purgeOld();

        Instant now = clock.instant();
        if (!claim(id, requestHash, now)) {
            Optional<Stored> first = find(id);
            if (first.isPresent() && first.get().state().equals("IN_PROGRESS")
                    && first.get().createdAt().isBefore(now.minus(ABANDONED))) {
                jdbc.sql("DELETE FROM idempotent_request WHERE id = ? AND state = 'IN_PROGRESS'").param(id).update();
                first = claim(id, requestHash, now) ? Optional.empty() : find(id);
            }
            if (first.isPresent()) {
                answerAgain(first.get(), requestHash, response);
                return;
            }
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
            if (recorded.getStatus() < 500) {
                jdbc.sql("UPDATE idempotent_request SET state = 'DONE', status = ?, content_type = ?, location = ?, "
                                + "body = ? WHERE id = ?")
                        .params(recorded.getStatus(), recorded.getContentType(), recorded.getHeader("Location"),
                                recorded.getContentAsByteArray(), id)
                        .update();
                kept = true;
            }
        } finally {
            if (!kept) {
                jdbc.sql("DELETE FROM idempotent_request WHERE id = ?").param(id).update();
            }
            recorded.copyBodyToResponse();
        }
    }

    private boolean claim(String id, String requestHash, Instant now) {
        try {
            jdbc.sql("INSERT INTO idempotent_request (id, request_hash, state, created_at) "
                            + "VALUES (?, ?, 'IN_PROGRESS', ?)")
                    .params(id, requestHash, now.atOffset(ZoneOffset.UTC)).update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    private Optional<Stored> find(String id) {
        return jdbc.sql("SELECT request_hash, state, status, content_type, location, body, created_at "
                        + "FROM idempotent_request WHERE id = ?").param(id)
                .query((rs, row) -> new Stored(rs.getString("request_hash"), rs.getString("state"),
                        (Integer) rs.getObject("status"), rs.getString("content_type"), rs.getString("location"),
                        rs.getBytes("body"), rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant()))
                .optional();
    }

    private static void answerAgain(Stored first, String requestHash, HttpServletResponse response)
            throws IOException {
        if (!first.requestHash().equals(requestHash)) {
            Problems.write(response, 422, ErrorCode.IDEMPOTENCY_KEY_REUSED, HEADER,
                    "this '" + HEADER + "' was used for a different request");
        } else if (first.state().equals("IN_PROGRESS")) {
            Problems.write(response, 409, ErrorCode.IDEMPOTENT_REQUEST_IN_PROGRESS, HEADER,
                    "the first request with this '" + HEADER + "' is still running; ask again shortly");
        } else {
            response.setStatus(first.status());
            if (first.contentType() != null) {
                response.setContentType(first.contentType());
            }
            if (first.location() != null) {
                response.setHeader("Location", first.location());
            }
            response.setHeader(REPLAYED, "true");
            if (first.body() != null) {
                response.getOutputStream().write(first.body());
            }
        }
    }

    private void purgeOld() {
        Instant now = clock.instant();
        if (Duration.between(purgedAt, now).toMinutes() >= 1) {
            purgedAt = now;
            jdbc.sql("DELETE FROM idempotent_request WHERE created_at < ?")
                    .param(now.minus(Duration.ofHours(KEEP_HOURS)).atOffset(ZoneOffset.UTC)).update();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The request with its body read once, for the hash, and given again to the controller. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
