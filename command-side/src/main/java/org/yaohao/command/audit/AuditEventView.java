package org.yaohao.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaohao.kernel.common.MessageMetadata;

import java.time.Instant;

/**
 * One event of the audit: global position, timestamp, payload type and revision, aggregate and sequence number, the
 * policy version that decided it (where the event records one), the channel, district and acting user and role of
 * the person it started from, and the payload, masked unless the reader is a regulator.
 */
public record AuditEventView(long position, Instant timestamp, String type, String revision, String aggregateId,
                             Long sequence, String policyVersion, String channel, String district, String actingUser,
                             String actingRole, JsonNode payload) {

    static AuditEventView of(LoggedEvent event, JsonNode payload, boolean unmasked) {
        JsonNode shown = unmasked ? payload : PersonalDataMask.mask(payload.deepCopy());
        JsonNode policy = payload.get("policyVersion");
        return new AuditEventView(event.position(), event.timestamp(), event.type(), event.revision(),
                event.aggregateId(), event.sequence(), policy == null || policy.isNull() ? null : policy.asText(),
                text(event, MessageMetadata.CHANNEL), text(event, MessageMetadata.DISTRICT),
                text(event, MessageMetadata.ACTING_USER), text(event, MessageMetadata.ACTING_ROLE), shown);
    }

    static AuditEventView of(LoggedEvent event, ObjectMapper json, boolean unmasked) {
        return of(event, json.valueToTree(event.payload()), unmasked);
    }

    private static String text(LoggedEvent event, String key) {
        Object value = event.metadata().get(key);
        return value == null ? null : value.toString();
    }
}
