package org.yaohao.query.round;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.yaohao.kernel.policy.PoolKind;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Download of a frozen pool's canonical text, so anyone can check it against the published digest
 * ({@code sha256sum} of the body equals the {@code X-Pool-Digest} header and the round's {@code digest}) and re-run
 * the draw (draw-algorithm.md).
 * <p>
 * Unlike the other query-side resources this one reads {@link FrozenPoolRepository} directly instead of asking the
 * query bus: a pool can have millions of entries, and the text is streamed a stored chunk at a time straight into
 * the response rather than carried whole as one query response. It is therefore served only where the query side's
 * database is.
 */
@RestController
@RequestMapping("/api/rounds")
class FrozenPoolController {

    /** The digest of the text in the body: lowercase hex SHA-256. */
    static final String DIGEST_HEADER = "X-Pool-Digest";

    private static final MediaType TEXT_UTF8 = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final FrozenPoolRepository repository;

    FrozenPoolController(FrozenPoolRepository repository) {
        this.repository = repository;
    }

    /**
     * 200 {@code text/plain; charset=UTF-8}: the lines {@code code,weight\n} in pool order, exactly the bytes the
     * digest is computed over, with headers {@value #DIGEST_HEADER} and {@code Content-Length}; 400 when
     * {@code roundId} is malformed; 404 when the round has no frozen pool of that name (not known, or not frozen
     * yet). The pool name is one of {@link PoolKind}, in any case.
     */
    @GetMapping("/{roundId}/pools/{pool}")
    ResponseEntity<StreamingResponseBody> download(@PathVariable("roundId") String roundId,
                                                   @PathVariable("pool") String pool) {
        String id = RoundQueryController.parse(roundId).value();
        PoolKind kind = poolKind(pool).orElseThrow(() -> RoundNotFoundException.pool(id, null));
        FrozenPool frozen = repository.find(id, kind).orElseThrow(() -> RoundNotFoundException.pool(id, kind));
        StreamingResponseBody body = out -> repository.writeText(frozen, out);
        return ResponseEntity.ok()
                             .contentType(TEXT_UTF8)
                             .contentLength(frozen.byteLength())
                             .header(DIGEST_HEADER, frozen.digest())
                             .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                             .body(body);
    }

    private static Optional<PoolKind> poolKind(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return Arrays.stream(PoolKind.values()).filter(kind -> kind.name().equals(upper)).findFirst();
    }
}
