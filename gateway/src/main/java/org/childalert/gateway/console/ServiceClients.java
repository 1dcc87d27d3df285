package org.childalert.gateway.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import org.childalert.gateway.observability.QueryFreeClientObservations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's calls to the services, made on the server with the signed-in user's access token from the
 * session (refreshed when it has expired): the browser never sees a token. An error answer becomes a
 * {@link ServiceProblem} carrying the service's problem details. The calls go through the same HTTP client
 * configuration as the proxied routes (Boot's builder with the gateway's customizer: nothing re-sent, no wait on
 * {@code Retry-After}, no stale pooled connection), and tell the service the browser's address, as the gateway
 * saw it, in {@code X-Forwarded-For}.
 */
@Component
public class ServiceClients {

    /** The registration of application.yml through which users sign in. */
    public static final String REGISTRATION_ID = "keycloak";

    /** Calls made off the request thread share a scheduler's few threads: they must give up sooner. */
    private static final Duration OFF_REQUEST_READ_TIMEOUT = Duration.ofSeconds(3);

    /** How long a page waits for a service's answer. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The browser's address as the gateway saw it (corrected only for trusted proxies), so that a service's audit
     * records who acted; never an address the browser claimed.
     */
    private static final ClientHttpRequestInterceptor CALLER_ADDRESS = (request, body, execution) -> {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
            request.getHeaders().set("X-Forwarded-For", current.getRequest().getRemoteAddr());
        }
        return execution.execute(request, body);
    };

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient cases;
    private final RestClient alerts;
    private final RestClient notifications;
    private final RestClient.Builder offRequest;
    private final ServiceUrls urls;

    ServiceClients(ServiceUrls urls, OAuth2AuthorizedClientManager authorizedClients,
            ClientHttpRequestFactoryBuilder<?> requestFactories, HttpClientSettings settings,
            ObjectProvider<ObservationRegistry> observations, QueryFreeClientObservations withoutQueries) {
        this.urls = urls;
        // each call is a span of the page's trace, and carries its traceparent to the service
        ObservationRegistry observationRegistry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        OAuth2ClientHttpRequestInterceptor withAccessToken = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        withAccessToken.setClientRegistrationIdResolver(request -> REGISTRATION_ID);
        RestClient.Builder builder = RestClient.builder()
                .observationRegistry(observationRegistry)
                .observationConvention(withoutQueries)
                .requestFactory(requestFactories.build(settings.withReadTimeout(READ_TIMEOUT)))
                .requestInterceptor(withAccessToken)
                .requestInterceptor(CALLER_ADDRESS)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw problemOf(response);
                });
        this.cases = builder.clone().baseUrl(urls.casesUrl()).build();
        this.alerts = builder.clone().baseUrl(urls.alertsUrl()).build();
        this.notifications = builder.clone().baseUrl(urls.notificationsUrl()).build();
        this.offRequest = RestClient.builder()
                .observationRegistry(observationRegistry)
                .observationConvention(withoutQueries)
                .requestFactory(requestFactories.build(settings.withReadTimeout(OFF_REQUEST_READ_TIMEOUT)))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw problemOf(response);
                });
    }

    /** case-service: cases, children, timelines, escalation requests. */
    public RestClient cases() {
        return cases;
    }

    /** alert-service: alerts, approval, cancellation. */
    public RestClient alerts() {
        return alerts;
    }

    /** notification-service: volunteers, police contacts, deliveries. */
    public RestClient notifications() {
        return notifications;
    }

    /**
     * notification-service called with the given access token instead of the session's: for calls made off the
     * request thread (an alert page's live updates run on a scheduler), where no request or session is at hand.
     * The caller obtained the token from the session on the request thread and stops using it before it expires.
     */
    public RestClient notificationsWith(OAuth2AccessToken accessToken) {
        return offRequest.clone()
                .baseUrl(urls.notificationsUrl())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken.getTokenValue())
                .build();
    }

    /** alert-service called with the given access token, off the request thread, as {@link #notificationsWith}. */
    public RestClient alertsWith(OAuth2AccessToken accessToken) {
        return offRequest.clone()
                .baseUrl(urls.alertsUrl())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken.getTokenValue())
                .build();
    }

    static ServiceProblem problemOf(ClientHttpResponse response) throws java.io.IOException {
        int status = response.getStatusCode().value();
        String reason = response.getStatusText();
        byte[] body = response.getBody().readAllBytes();
        JsonNode problem;
        try {
            problem = body.length == 0 ? null : JSON.readTree(body);
        }
        catch (RuntimeException notJson) {
            problem = null;
        }
        if (problem == null || !problem.isObject()) {
            return new ServiceProblem(status, reason, reason, List.of());
        }
        String title = text(problem, "title", reason);
        List<ServiceProblem.FieldError> fields = new ArrayList<>();
        JsonNode errors = problem.path("errors");
        if (errors.isArray()) {
            for (JsonNode error : errors) {
                fields.add(new ServiceProblem.FieldError(text(error, "field", ""), text(error, "message", "is invalid")));
            }
        }
        return new ServiceProblem(status, title, text(problem, "detail", title), fields);
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? otherwise : value.asString();
    }
}
