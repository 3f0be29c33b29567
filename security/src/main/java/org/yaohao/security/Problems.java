package org.yaohao.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.yaohao.kernel.common.ErrorCode;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refusals that happen before a controller is reached (401, 403, 429), as the same RFC 9457 problem details the
 * problem handlers of both sides write: a stable {@code type} per {@link ErrorCode}, the rule as {@code title}.
 */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static void write(HttpServletResponse response, int status, ErrorCode code, String field, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", code.type());
        problem.put("title", code.rule());
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code.name());
        problem.put("field", field);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
