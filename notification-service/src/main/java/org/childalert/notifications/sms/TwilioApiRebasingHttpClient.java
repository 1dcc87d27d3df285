package org.childalert.notifications.sms;

import java.util.List;
import java.util.Map;

import java.time.Duration;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The Twilio SDK's own HTTP client, sending what the SDK addresses to {@code https://api.twilio.com} to
 * another base URL instead: the local Twilio fake in development and tests. Everything else about the
 * request (form fields, headers, authentication) is what the SDK built.
 */
class TwilioApiRebasingHttpClient extends NetworkHttpClient {

    static final String TWILIO_API = "https://api.twilio.com";

    private final String baseUrl;

    /**
     * @param connections how many requests may be under way at once: as many as the dispatcher's SMS senders, or
     *                    they would queue for a connection (Apache HttpClient allows 20 per host by default)
     * @param readTimeout how long to wait for Twilio's answer; a request that times out counts as a failure of
     *                    Twilio's for the circuit breaker, and is retried (see docs/reliability.md: Twilio may have
     *                    taken it)
     */
    TwilioApiRebasingHttpClient(String baseUrl, int connections, Duration connectTimeout, Duration readTimeout) {
        super(singleAttempt(connections, connectTimeout, readTimeout));
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * The SDK's own client settings, without Apache HttpClient's automatic retries (it would retry a 429 or
     * 503 after a second, in the dispatcher's thread), without asking for compressed answers (Twilio's answer to a
     * message is a few hundred bytes: inflating it cost more CPU than it saved on a national fan-out) and without a
     * cookie store (the API sets none that matter; the SDK authenticates every request).
     */
    private static HttpClientBuilder singleAttempt(int connections, Duration connectTimeout, Duration readTimeout) {
        Timeout read = Timeout.ofMilliseconds(readTimeout.toMillis());
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
        pool.setDefaultSocketConfig(SocketConfig.copy(DEFAULT_SOCKET_CONFIG).setSoTimeout(read).build());
        pool.setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(connectTimeout.toMillis()))
                .setSocketTimeout(read)
                .build());
        pool.setDefaultMaxPerRoute(connections);
        pool.setMaxTotal(connections + 8); // a few more for the verification codes sent outside the dispatcher
        return HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.copy(DEFAULT_REQUEST_CONFIG).setResponseTimeout(read).build())
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement();
    }

    /**
     * One attempt per message. The SDK would otherwise retry a 5xx or 429 itself, sleeping in the dispatcher's
     * thread; the delivery queue retries instead, with a growing wait and a bounded number of attempts.
     */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        if (baseUrl.equals(TWILIO_API) || !request.getUrl().startsWith(TWILIO_API)) {
            return super.makeRequest(request);
        }
        return super.makeRequest(rebased(request));
    }

    private Request rebased(Request original) {
        Request request = new Request(original.getMethod(), baseUrl + original.getUrl().substring(TWILIO_API.length()));
        copy(original.getQueryParams(), request::addQueryParam);
        copy(original.getPostParams(), request::addPostParam);
        copy(original.getHeaderParams(), request::addHeaderParam);
        if (original.getAuthStrategy() != null) {
            request.setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            request.setAuth(original.getUsername(), original.getPassword());
        }
        request.setContentType(original.getContentType());
        if (original.getBody() != null) {
            request.setBody(original.getBody());
        }
        if (original.getFormParameters() != null) {
            request.setFormParameters(original.getFormParameters());
        }
        request.setUserAgentExtensions(original.getUserAgentExtensions());
        return request;
    }

    private static void copy(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
        params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
    }
}
