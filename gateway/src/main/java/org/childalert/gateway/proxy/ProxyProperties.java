package org.childalert.gateway.proxy;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway talks to the services, for the proxied routes and the console's own calls alike. The time-outs
 * are Boot's {@code spring.http.clients.connect-timeout} (beyond it the service counts as down: 503) and
 * {@code spring.http.clients.read-timeout} (a service silent longer while answering: 504), set in application.yml.
 *
 * @param maxRequestBodySize the largest request body the gateway accepts (413 above it). A case photo may be 5 MB;
 *                           every service must swallow at least this much of a body it does not read
 *                           ({@code server.tomcat.max-swallow-size}), or it closes the connection under the gateway.
 * @param validateAfterInactivity a pooled connection idle this long is checked (a 1 ms read) before it is reused;
 *                                0 checks every time, so a connection that a service closed after its last answer
 *                                is never handed to the next caller
 * @param idleConnectionTimeout a pooled connection idle this long is closed by the gateway, well before a
 *                              service's own keep-alive time-out closes it
 * @param connectionTimeToLive a pooled connection is closed after this long, however busy
 */
@Validated
@ConfigurationProperties("childalert.gateway.proxy")
public record ProxyProperties(
        @NotNull @DefaultValue("6MB") DataSize maxRequestBodySize,
        @NotNull @DefaultValue("0ms") Duration validateAfterInactivity,
        @NotNull @DefaultValue("10s") Duration idleConnectionTimeout,
        @NotNull @DefaultValue("5m") Duration connectionTimeToLive) {
}
