package org.yaohao.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaohao.kernel.round.PoolDrawnEvent;
import org.yaohao.kernel.round.PoolEntriesFrozenEvent;
import org.yaohao.kernel.round.PoolFrozenEvent;
import org.yaohao.kernel.round.RoundResultsPublishedEvent;
import org.yaohao.kernel.round.RoundScheduledEvent;
import org.yaohao.kernel.round.SeedCommittedEvent;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks out of the log, in order, every event of one application and of everything that concerns it: its own
 * stream, its deposits ({@code <code>-<round>}), every event naming it (quota, round outcome, sign-ins, reads of its
 * personal data), and of each round it entered the schedule, commitment, its pool's freeze and draw, and the
 * publication. A pool's chunks and winners are shown with this application's entries only.
 */
final class ApplicationHistory {

    private record Found(LoggedEvent event, JsonNode payload) {
    }

    private static final Map<Class<?>, RecordComponent> CODE_COMPONENTS = new ConcurrentHashMap<>();

    private final String code;
    private final ObjectMapper json;
    private final List<Found> found = new ArrayList<>();
    /** Round events of every round, kept until it is known whether the application entered it (a few a year). */
    private final Map<String, List<LoggedEvent>> roundEvents = new HashMap<>();
    private final Set<String> poolsEntered = new HashSet<>();

    ApplicationHistory(String code, ObjectMapper json) {
        this.code = code;
        this.json = json;
    }

    void accept(LoggedEvent event) {
        Object payload = event.payload();
        if (payload instanceof PoolEntriesFrozenEvent chunk) {
            List<PoolFrozenEvent.Entry> own = chunk.entries().stream().filter(e -> isOwn(e.code())).toList();
            if (!own.isEmpty()) {
                poolsEntered.add(chunk.roundId().value() + "/" + chunk.pool());
                ObjectNode shown = json.valueToTree(chunk);
                shown.set("entries", json.valueToTree(own));
                found.add(new Found(event, shown));
            }
        } else if (payload instanceof RoundScheduledEvent e) {
            keep(e.roundId().value(), event);
        } else if (payload instanceof SeedCommittedEvent e) {
            keep(e.roundId().value(), event);
        } else if (payload instanceof PoolFrozenEvent e) {
            keep(e.roundId().value(), event);
        } else if (payload instanceof PoolDrawnEvent e) {
            keep(e.roundId().value(), event);
        } else if (payload instanceof RoundResultsPublishedEvent e) {
            keep(e.roundId().value(), event);
        } else if (concerns(event)) {
            found.add(new Found(event, json.valueToTree(payload)));
        }
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** What was found, in log order, masked unless {@code unmasked}. */
    List<AuditEventView> events(boolean unmasked) {
        List<Found> all = new ArrayList<>(found);
        roundEvents.forEach((roundId, events) -> {
            if (poolsEntered.stream().anyMatch(pool -> pool.startsWith(roundId + "/"))) {
                events.stream().filter(this::ofPoolEntered).forEach(e -> all.add(new Found(e, shown(e))));
            }
        });
        all.sort(Comparator.comparingLong(f -> f.event().position()));
        return all.stream().map(f -> AuditEventView.of(f.event(), f.payload(), unmasked)).toList();
    }

    private void keep(String roundId, LoggedEvent event) {
        roundEvents.computeIfAbsent(roundId, id -> new ArrayList<>()).add(event);
    }

    /** Round-wide events, and the freeze and draw of the pool the application entered (not the other pools'). */
    private boolean ofPoolEntered(LoggedEvent event) {
        if (event.payload() instanceof PoolFrozenEvent e) {
            return poolsEntered.contains(e.roundId().value() + "/" + e.pool());
        }
        if (event.payload() instanceof PoolDrawnEvent e) {
            return poolsEntered.contains(e.roundId().value() + "/" + e.pool());
        }
        return true;
    }

    /** A draw shows this application's winning entries only; any other round event as it is. */
    private JsonNode shown(LoggedEvent event) {
        ObjectNode shown = json.valueToTree(event.payload());
        if (event.payload() instanceof PoolDrawnEvent drawn) {
            ArrayNode own = shown.putArray("winners");
            drawn.winners().stream().filter(w -> isOwn(w.code())).forEach(w -> own.add(json.valueToTree(w)));
        }
        return shown;
    }

    private boolean isOwn(String entryCode) {
        return entryCode.equals(code) || entryCode.startsWith(code + "-");
    }

    private boolean concerns(LoggedEvent event) {
        String aggregate = event.aggregateId();
        if (aggregate != null && (aggregate.equals(code) || aggregate.startsWith(code + "-"))) {
            return true;
        }
        Object payload = event.payload();
        if (!(payload instanceof Record record)) {
            return false;
        }
        RecordComponent component = CODE_COMPONENTS.computeIfAbsent(payload.getClass(), ApplicationHistory::codeOf);
        if (component == NO_CODE) {
            return false;
        }
        try {
            Object value = component.getAccessor().invoke(record);
            return value != null && code.equals(value.toString());
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** The record component named {@code code}; {@link #NO_CODE} when there is none. */
    private static RecordComponent codeOf(Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals("code")) {
                return component;
            }
        }
        return NO_CODE;
    }

    private static final RecordComponent NO_CODE = NoCode.class.getRecordComponents()[0];

    private record NoCode(String none) {
    }
}
