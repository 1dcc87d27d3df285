package org.childalert.gateway.errors;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: whatever fails inside the gateway is answered here as problem+json with a {@code traceId},
 * never forwarded to {@code /error} (where authorization rules would turn it into a 401 or 403) and never with
 * internals. A service that cannot be reached (or Keycloak, for checking a token) gives 503 with
 * {@code Retry-After}, one that is too slow 504, one that broke off its answer 502, a body over the limit 413,
 * anything else 500. A browser asking for a console page (not {@code /api/**}) gets the HTML error page instead.
 */
public final class EdgeErrors extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(EdgeErrors.class);

    private final long bodyLimit;

    public EdgeErrors(long bodyLimit) {
        this.bodyLimit = bodyLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted() || isClientGone(e)) {
                log.warn("{} {} failed after the answer had begun: {}", request.getMethod(), request.getRequestURI(),
                        e.toString());
                throw e;
            }
            if (wantsConsolePage(request)) {
                throw e; // rendered by the error page (the error dispatch is open to everyone)
            }
            answer(request, response, e);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        String traceId = Problems.traceId(request);
        String where = request.getMethod() + " " + request.getRequestURI();
        if (causedBy(e, RequestBodyTooLarge.class) != null) {
            log.info("traceId={} {}: request body over {} bytes", traceId, where, bodyLimit);
            Problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than the " + bodyLimit + " bytes the platform accepts.", traceId);
        }
        else if (isUnreachable(e)) {
            log.warn("traceId={} {}: a service could not be reached: {}", traceId, where, rootCause(e).toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            Problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                    "A service this request needs cannot be reached at the moment; try again in a few seconds.",
                    traceId);
        }
        else if (causedBy(e, AuthenticationServiceException.class) != null) {
            log.warn("traceId={} {}: the token could not be checked: {}", traceId, where, rootCause(e).toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            Problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                    "The sign-in service could not be asked to check the token; try again in a few seconds.",
                    traceId);
        }
        else if (causedBy(e, SocketTimeoutException.class) != null
                || causedBy(e, InterruptedIOException.class) != null) {
            log.warn("traceId={} {}: a service did not answer in time: {}", traceId, where, rootCause(e).toString());
            Problems.write(request, response, HttpStatus.GATEWAY_TIMEOUT,
                    "A service this request needs did not answer in time.", traceId);
        }
        else if (causedBy(e, IOException.class) != null) {
            log.warn("traceId={} {}: a service broke off its answer: {}", traceId, where, rootCause(e).toString());
            Problems.write(request, response, HttpStatus.BAD_GATEWAY,
                    "A service this request needs closed the connection without a complete answer.", traceId);
        }
        else {
            log.error("traceId={} {}: unexpected failure", traceId, where, e);
            Problems.write(request, response, HttpStatus.INTERNAL_SERVER_ERROR,
                    "The gateway failed unexpectedly. Quote the traceId when reporting this.", traceId);
        }
    }

    private static boolean isUnreachable(Throwable e) {
        return causedBy(e, ConnectException.class) != null || causedBy(e, ConnectTimeoutException.class) != null
                || causedBy(e, UnknownHostException.class) != null
                || causedBy(e, NoRouteToHostException.class) != null;
    }

    /** The caller hung up (Tomcat's ClientAbortException): there is nobody left to answer. */
    private static boolean isClientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("ClientAbortException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean wantsConsolePage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/api-docs/")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    private static <T extends Throwable> T causedBy(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
