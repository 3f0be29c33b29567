package org.yaohao.command.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One event as the log holds it: its global {@code position}, when it happened, its payload type and revision, the
 * aggregate and sequence number it belongs to (none for an event that belongs to no aggregate), its metadata (channel,
 * district, acting user and role, correlation) and its payload.
 */
public record LoggedEvent(long position, Instant timestamp, String type, String revision, String aggregateId,
                          Long sequence, Map<String, Object> metadata, Object payload) {

    public LoggedEvent {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
