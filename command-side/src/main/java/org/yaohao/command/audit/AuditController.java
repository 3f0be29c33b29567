package org.yaohao.command.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.command.familypoints.FamilyPointsCalculator;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.command.web.Violations;
import org.yaohao.kernel.access.EventLogReadEvent;
import org.yaohao.kernel.access.PersonalDataReadEvent;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.round.RoundId;
import org.yaohao.security.Caller;
import org.yaohao.security.Role;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * The regulators' audit, read from the event store itself (never from a projection): an application's history, the
 * global event stream as NDJSON, and the verification of a draw from the log. Personal data is masked unless the
 * caller is a regulator, and a regulator's unmasked read is written to the event store first, as the reads of
 * {@code /api/applications/{code}/personal-data} are.
 */
@RestController
class AuditController {

    /** Events per request of the global stream when {@code limit} is not given, and the most one request may ask. */
    static final int DEFAULT_LIMIT = 10_000;
    static final int MAX_LIMIT = 100_000;
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final EventLogReader log;
    private final EventGateway events;
    private final PolicyCatalog policies;
    private final FamilyPointsCalculator familyPoints;
    private final ObjectMapper json;
    private final Clock clock;

    AuditController(EventLogReader log, EventGateway events, PolicyCatalog policies,
                    FamilyPointsCalculator familyPoints, ObjectMapper json, Clock clock) {
        this.log = log;
        this.events = events;
        this.policies = policies;
        this.familyPoints = familyPoints;
        this.json = json.copy().disable(SerializationFeature.INDENT_OUTPUT);
        this.clock = clock;
    }

    @GetMapping(path = "/api/audit/applications/{code}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AuditEventView> history(@PathVariable String code) {
        Violations v = new Violations();
        ApplicationCode applicationCode = v.parse("code", code, ApplicationCode::new);
        v.throwIfAny();
        ApplicationHistory history = new ApplicationHistory(applicationCode.value(), json);
        log.read(-1, event -> {
            history.accept(event);
            return true;
        });
        if (history.isEmpty()) {
            throw new DomainException(ErrorCode.APPLICATION_NOT_FOUND, "code", "no application has code " + code);
        }
        Caller caller = caller();
        boolean unmasked = caller.is(Role.REGULATOR);
        if (unmasked) {
            events.publish(new PersonalDataReadEvent(applicationCode, caller.name(), caller.role().name(),
                    clock.instant()));
        }
        return history.events(unmasked);
    }

    /**
     * The events after position {@code after} (-1, the default: from the first), at most {@code limit}, one JSON
     * object a line in log order; the last line's {@code position} is where to resume. After the head: nothing.
     */
    @GetMapping("/api/audit/events") // NDJSON, written below; errors before the first line as problem details
    void stream(@RequestParam(required = false) String after, @RequestParam(required = false) String limit,
                HttpServletResponse response) throws IOException {
        Violations v = new Violations();
        Long from = after == null ? Long.valueOf(-1) : v.parse("after", after, raw -> number(raw, -1,
                Long.MAX_VALUE, "'after' is a position in the log, -1 or more"));
        Long most = limit == null ? Long.valueOf(DEFAULT_LIMIT) : v.parse("limit", limit, raw -> number(raw, 1,
                MAX_LIMIT, "'limit' is between 1 and " + MAX_LIMIT));
        v.throwIfAny();
        Caller caller = caller();
        boolean unmasked = caller.is(Role.REGULATOR);
        if (unmasked) {
            events.publish(new EventLogReadEvent(caller.name(), caller.role().name(), from, most.intValue(),
                    clock.instant()));
        }
        response.setContentType(NDJSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        OutputStream out = response.getOutputStream();
        int[] sent = {0};
        log.read(from, event -> {
            try {
                out.write(json.writeValueAsBytes(AuditEventView.of(event, json, unmasked)));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ++sent[0] < most;
        });
        out.flush();
    }

    /** Re-derives the draw of one pool of a round from the event log and reports match or the first difference. */
    @PostMapping(path = "/api/audit/draws/{roundId}/{pool}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    DrawVerificationView verify(@PathVariable String roundId, @PathVariable String pool) {
        Violations v = new Violations();
        RoundId round = v.parse("roundId", roundId, RoundId::new);
        PoolKind kind = v.parseEnum("pool", pool, PoolKind.class, ErrorCode.INVALID_VALUE);
        v.throwIfAny();
        DrawReplay replay = new DrawReplay(round, kind, policies::version, familyPoints);
        log.read(-1, event -> {
            replay.accept(event.timestamp(), event.payload());
            return true;
        });
        if (!replay.wasDrawn()) {
            throw new DomainException(ErrorCode.DRAW_NOT_FOUND, "drawId",
                    "the event log holds no draw " + replay.drawId());
        }
        return replay.verify();
    }

    private static long number(String raw, long min, long max, String rule) {
        try {
            long value = Long.parseLong(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new org.yaohao.kernel.common.InvalidValueException(ErrorCode.INVALID_VALUE, rule);
    }

    private static Caller caller() {
        return Caller.current().orElseThrow(() -> new IllegalStateException("the access rules let nobody read the "
                + "audit without signing in"));
    }
}
