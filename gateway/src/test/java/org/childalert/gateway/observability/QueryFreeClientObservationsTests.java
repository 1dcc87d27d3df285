package org.childalert.gateway.observability;

import java.net.URI;

import io.micrometer.common.KeyValue;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.mock.http.client.MockClientHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** A search by the child's name is a query string: it must not become a span tag or a metric tag. */
class QueryFreeClientObservationsTests {

    private final QueryFreeClientObservations convention = new QueryFreeClientObservations();

    @Test
    void theSpanAndTheMetricOfACallKeepItsPathAndDropItsQuery() {
        ClientHttpRequest request = new MockClientHttpRequest(HttpMethod.GET,
                URI.create("http://127.0.0.1:8081/api/cases?q=Lena%20Peeters&page=0"));
        ClientRequestObservationContext context = new ClientRequestObservationContext(request);

        assertThat(convention.getHighCardinalityKeyValues(context)).contains(
                KeyValue.of("http.url", "http://127.0.0.1:8081/api/cases"));
        context.setUriTemplate("/api/cases?q={text}");
        assertThat(convention.getLowCardinalityKeyValues(context)).contains(KeyValue.of("uri", "/api/cases"));
        assertThat(convention.getHighCardinalityKeyValues(context).stream().map(KeyValue::getValue))
                .noneMatch(value -> value.contains("Lena"));
        assertThat(convention.getLowCardinalityKeyValues(context).stream().map(KeyValue::getValue))
                .noneMatch(value -> value.contains("Lena"));
    }
}
