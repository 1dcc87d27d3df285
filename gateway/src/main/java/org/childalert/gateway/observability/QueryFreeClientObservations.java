package org.childalert.gateway.observability;

import io.micrometer.common.KeyValue;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;
import org.springframework.stereotype.Component;

/**
 * The gateway's calls to the services (the proxied routes and the console) are spans and metrics without their
 * query string: a search for a case by the child's name ({@code ?q=...}) must reach neither Zipkin nor Prometheus.
 * The path holds ids only. Spring Boot gives this convention to every {@code RestClient.Builder} it configures;
 * the console's own clients take it explicitly ({@code ServiceClients}).
 */
@Component
public class QueryFreeClientObservations extends DefaultClientRequestObservationConvention {

    @Override
    protected KeyValue uri(ClientRequestObservationContext context) {
        KeyValue uri = super.uri(context);
        return KeyValue.of(uri.getKey(), withoutQuery(uri.getValue()));
    }

    @Override
    protected KeyValue requestUri(ClientRequestObservationContext context) {
        KeyValue url = super.requestUri(context);
        return KeyValue.of(url.getKey(), withoutQuery(url.getValue()));
    }

    static String withoutQuery(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
