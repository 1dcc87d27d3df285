package org.childalert.gateway.proxy;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * The gateway is the edge: what a service is told about the caller is what the gateway saw, never what the caller
 * wrote. Every forwarding header a client sent ({@code X-Forwarded-*}, {@code Forwarded}, {@code X-Real-IP}) is
 * dropped and {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} are set anew. The address,
 * scheme, host and port come from the servlet request, which Tomcat's remote IP valve has already corrected for
 * the proxies listed in {@code childalert.gateway.trusted-proxies} (none by default), and for them only.
 * Runs after every other header filter, so nothing a client sent survives.
 */
@Component
public class ForwardedHeaders implements HttpHeadersFilter.RequestHttpHeadersFilter, Ordered {

    /** Headers through which a caller could claim an address, host or scheme. */
    static final List<String> CLAIMS = List.of("forwarded", "x-real-ip", "x-forwarded-for", "x-forwarded-host",
            "x-forwarded-proto", "x-forwarded-port", "x-forwarded-prefix", "x-forwarded-server", "x-forwarded-ssl",
            "x-original-forwarded-for", "true-client-ip", "x-client-ip", "x-cluster-client-ip");

    @Override
    public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
        HttpServletRequest servlet = request.servletRequest();
        HttpHeaders updated = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!CLAIMS.contains(name.toLowerCase(Locale.ROOT))) {
                updated.addAll(name, values);
            }
        });
        updated.set("X-Forwarded-For", servlet.getRemoteAddr());
        updated.set("X-Forwarded-Proto", servlet.getScheme());
        updated.set("X-Forwarded-Host", hostOf(servlet));
        updated.set("X-Forwarded-Port", String.valueOf(servlet.getServerPort()));
        return updated;
    }

    private static String hostOf(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return defaultPort ? host : host + ":" + port;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
