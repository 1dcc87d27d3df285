package org.childalert.gateway.errors;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Writes the gateway's own errors as {@code application/problem+json} (RFC 9457) with a correlation id. */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Problems() {
    }

    /**
     * The id that ties an answer to the gateway's log: the current trace id when tracing is on, else the caller's
     * {@code X-Request-Id} when it looks like one, else a new random id.
     */
    public static String traceId(HttpServletRequest request) {
        String traced = MDC.get("traceId");
        if (traced != null && !traced.isBlank()) {
            return traced;
        }
        String requestId = request.getHeader("X-Request-Id");
        if (requestId != null && REQUEST_ID.matcher(requestId).matches()) {
            return requestId;
        }
        return UUID.randomUUID().toString();
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String detail, String traceId) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("traceId", traceId);
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem)); // JSON is UTF-8: no charset parameter
        response.flushBuffer();
    }
}
