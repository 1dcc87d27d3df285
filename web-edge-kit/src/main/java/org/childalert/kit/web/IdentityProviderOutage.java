package org.childalert.kit.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with {@code Retry-After} when a token cannot be checked because the identity provider is out of
 * reach (Keycloak's keys cannot be fetched). Spring Security rethrows that failure as an
 * {@link AuthenticationServiceException} out of its filter chain, past every handler of the service: without this
 * filter, which wraps the chain, the caller got a 500 from the servlet container's error page, and a token that
 * is fine looked like the service's own fault. A token that is wrong is still 401, from the service's own rules.
 */
public class IdentityProviderOutage extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdentityProviderOutage.class);
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final int retryAfterSeconds;

    public IdentityProviderOutage(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (AuthenticationServiceException e) {
            answer(request, response, e);
        } catch (ServletException e) {
            AuthenticationServiceException cause = causeOf(e);
            if (cause == null) {
                throw e;
            }
            answer(request, response, cause);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, AuthenticationServiceException e)
            throws IOException {
        String traceId = traceId(request);
        log.warn("Identity provider unreachable [traceId={}] {} {}: {}", traceId, request.getMethod(),
                request.getRequestURI(), e.getMessage());
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Temporarily unavailable\",\"status\":503,"
                + "\"detail\":\"Your sign-in cannot be checked right now: the identity provider cannot be reached. "
                + "Nothing was changed; try again in a moment.\",\"instance\":" + json(request.getRequestURI())
                + ",\"traceId\":" + json(traceId) + "}");
    }

    private static AuthenticationServiceException causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationServiceException failure) {
                return failure;
            }
        }
        return null;
    }

    private static String traceId(HttpServletRequest request) {
        String given = request.getHeader("X-Request-Id");
        return given != null && SAFE_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
