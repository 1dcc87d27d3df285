package org.childalert.gateway.proxy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;

import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** When the gateway's HTTP client sends a request to a service a second time: almost never. */
class SafeRetriesTests {

    private final SafeRetries retries = new SafeRetries();

    @ParameterizedTest
    @ValueSource(strings = { "POST", "PUT", "PATCH", "DELETE" })
    void neverSendsAWriteAgainEvenOnAConnectionTheServiceHadClosed(String method) {
        assertThat(retries.retryRequest(request(method), new NoHttpResponseException("closed"), 1,
                onConnectionThatAnswered(1))).isFalse();
    }

    @Test
    void sendsAReadAgainOnceWhenAReusedConnectionTurnedOutClosedBeforeAnyAnswer() {
        assertThat(retries.retryRequest(request("GET"), new NoHttpResponseException("closed"), 1,
                onConnectionThatAnswered(3))).isTrue();
        assertThat(retries.retryRequest(request("GET"), new SocketException("Broken pipe"), 1,
                onConnectionThatAnswered(1))).isTrue();
        assertThat(retries.retryRequest(request("GET"), new NoHttpResponseException("closed"), 2,
                onConnectionThatAnswered(3))).as("only once").isFalse();
    }

    @Test
    void doesNotSendAReadAgainOnANewConnectionOrAfterATimeOut() {
        assertThat(retries.retryRequest(request("GET"), new NoHttpResponseException("closed"), 1,
                onConnectionThatAnswered(0))).isFalse();
        assertThat(retries.retryRequest(request("GET"), new SocketTimeoutException("Read timed out"), 1,
                onConnectionThatAnswered(3))).isFalse();
        assertThat(retries.retryRequest(request("GET"), new ConnectException("refused"), 1,
                onConnectionThatAnswered(3))).isFalse();
        assertThat(retries.retryRequest(request("GET"), new IOException("closed"), 1,
                HttpClientContext.create())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = { 429, 503, 500, 502 })
    void neverSendsAgainBecauseOfAnAnswerAndNeverWaitsForRetryAfter(int status) {
        BasicClassicHttpResponse response = new BasicClassicHttpResponse(status);
        response.addHeader("Retry-After", "3600");

        assertThat(retries.retryRequest(response, 1, HttpClientContext.create())).isFalse();
        assertThat(retries.getRetryInterval(response, 1, HttpClientContext.create()).toMilliseconds()).isZero();
    }

    private static BasicClassicHttpRequest request(String method) {
        return new BasicClassicHttpRequest(method, "/api/volunteers/1/verification-sms");
    }

    private static HttpClientContext onConnectionThatAnswered(long responses) {
        HttpClientContext context = HttpClientContext.create();
        context.setEndpointDetails(new EndpointDetails(null, null, null) {
            @Override
            public long getRequestCount() {
                return responses + 1;
            }

            @Override
            public long getResponseCount() {
                return responses;
            }

            @Override
            public long getSentBytesCount() {
                return 0;
            }

            @Override
            public long getReceivedBytesCount() {
                return 0;
            }
        });
        return context;
    }
}
