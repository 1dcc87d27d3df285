package org.childalert.kit.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

/**
 * The id that ties an error answer to its log lines: the current trace id (Micrometer Tracing puts it in the
 * logging context as {@code traceId}), else the caller's {@code X-Request-Id} when it is a plain token, else a new
 * random id.
 */
public final class CorrelationId {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    /** What a request id may look like; anything else (a log-injection attempt, a novel) is replaced. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private CorrelationId() {
    }

    public static String of(HttpServletRequest request) {
        String traceId = MDC.get("traceId");
        if (traceId != null && !traceId.isBlank()) {
            return traceId;
        }
        String requestId = request.getHeader(REQUEST_ID_HEADER);
        if (requestId != null && PLAIN.matcher(requestId).matches()) {
            return requestId;
        }
        return UUID.randomUUID().toString();
    }
}
