package org.childalert.gateway.proxy;

import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.util.TimeValue;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one HTTP client configuration behind every call the gateway makes to a service: the proxied routes (Spring
 * Cloud Gateway takes Boot's {@code ClientHttpRequestFactory}) and the console's own calls (built from the same
 * builder). No automatic re-sending but {@link SafeRetries}, no waiting on {@code Retry-After}, no stale pooled
 * connection; the time-outs on connecting and on answering come from {@code spring.http.clients.*}.
 */
@Configuration
class ProxyHttpClientConfiguration {

    @Bean
    ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> serviceCalls(
            ProxyProperties proxy) {
        return builder -> builder
                .withHttpClientCustomizer(client -> client
                        .setRetryStrategy(new SafeRetries())
                        .evictExpiredConnections()
                        .evictIdleConnections(TimeValue.of(proxy.idleConnectionTimeout().toMillis(), TimeUnit.MILLISECONDS)))
                .withConnectionConfigCustomizer(connection -> connection
                        .setValidateAfterInactivity(TimeValue.of(proxy.validateAfterInactivity().toMillis(),
                                TimeUnit.MILLISECONDS))
                        .setTimeToLive(TimeValue.of(proxy.connectionTimeToLive().toMillis(), TimeUnit.MILLISECONDS)));
    }
}
