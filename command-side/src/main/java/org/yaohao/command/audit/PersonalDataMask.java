package org.yaohao.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Masks the personal data in an event's JSON for anyone but a regulator: ID numbers as the rule book publishes them
 * (first 6 and last 4 characters), phones as {@code 138****8000}, a person's name as its first character and
 * {@code *}. A person is any object with an {@code idNumber}.
 */
final class PersonalDataMask {

    private PersonalDataMask() {
    }

    /** Masks {@code node} in place and returns it. */
    static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean person = object.has("idNumber");
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isTextual()) {
                    String masked = switch (field.getKey()) {
                        case "idNumber" -> keep(value.asText(), 6, 4);
                        case "phone" -> keep(value.asText(), 3, 4);
                        case "name" -> person ? keep(value.asText(), 1, 0) : null;
                        default -> null;
                    };
                    if (masked != null) {
                        field.setValue(TextNode.valueOf(masked));
                    }
                } else {
                    mask(value);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(PersonalDataMask::mask);
        }
        return node;
    }

    private static String keep(String value, int head, int tail) {
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }
}
