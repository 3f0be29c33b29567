package org.yaohao.kernel.common;

import java.util.Map;

/**
 * The serializable description of a refusal: carried as the details of a {@code CommandExecutionException} so a
 * refusal maps to the same HTTP problem whether the command ran in this JVM or behind Axon Server.
 */
public record ErrorDetails(ErrorCode code, String field, String detail, Map<String, String> properties) {

    public ErrorDetails {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
