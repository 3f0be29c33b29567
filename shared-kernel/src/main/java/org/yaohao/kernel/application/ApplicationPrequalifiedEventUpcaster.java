package org.yaohao.kernel.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads a stored {@link ApplicationPrequalifiedEvent} of revision 1 as revision 2: revision 1 had no
 * {@code socialInsuranceYears} (the registry's answer was not recorded), so it reads with none, an empty list, which
 * the family points count as 0 years for each person. Both sides register it with their event store.
 */
public final class ApplicationPrequalifiedEventUpcaster extends SingleEventUpcaster {

    private static final String TYPE = ApplicationPrequalifiedEvent.class.getName();
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            if (!event.has("socialInsuranceYears")) {
                event.putArray("socialInsuranceYears");
            }
            return event;
        });
    }
}
