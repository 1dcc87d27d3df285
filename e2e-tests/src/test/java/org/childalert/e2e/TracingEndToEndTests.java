package org.childalert.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13: one alert can be followed in Zipkin (started by {@code bin/stack up} on http://localhost:9411) as one
 * trace across HTTP, the outbox tables and RabbitMQ. The police officer's approval enters at the gateway, is an HTTP
 * call to alert-service, whose {@code AlertIssued} goes through its outbox and the broker to case-service and
 * notification-service: one trace, found in Zipkin's API by the alert id its spans are tagged with
 * ({@code childalert.alert_id}).
 */
class TracingEndToEndTests {

    private static final String ZIPKIN = "http://localhost:9411";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** The services whose spans the approval's trace holds: all four. */
    static final List<String> SERVICES = List.of("gateway", "case-service", "alert-service", "notification-service");

    /** notification-service's spans of one message handed to Twilio, and to the SMTP server. */
    private static final String SMS_SENT = "sms send";
    private static final String EMAIL_SENT = "email send";

    /** The span of alert-service's outbox relay publishing the alert's issue (Zipkin lowercases span names). */
    private static final String ISSUE_PUBLISHED = "publish alerts.alertissued.v1";

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    @Test
    void anAlertsApprovalIsOneTraceFromTheGatewayThroughTheOutboxAndTheBrokerToTheServicesThatConsumeIt()
            throws Exception {
        Api alice = Api.as("alice");
        Api bob = Api.as("bob");
        // someone the alert reaches by SMS and e-mail: their sends are the trace's last spans
        Scenarios.verifiedVolunteer(Api.as("admin"), Scenarios.uniqueMobile(), Scenarios.uniqueEmail("traced"),
                Scenarios.LIEGE_LAT + 0.005, Scenarios.LIEGE_LON);
        String alertId = Scenarios.activeAlert(alice, bob, Scenarios.LIEGE_LAT, Scenarios.LIEGE_LON, "Liège", 5);

        // the escalation is a trace of its own (gateway, case-service, its outbox, alert-service); the approval's is
        // the one in which alert-service's outbox publishes AlertIssued
        List<JsonNode> traces = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            traces.clear();
            traces.addAll(tracesTaggedWith(alertId));
            assertThat(traces).as("traces tagged childalert.alert_id=%s: %s", alertId,
                            traces.stream().map(TracingEndToEndTests::servicesOf).toList())
                    .anySatisfy(trace -> assertThat(spanNames(trace)).contains(ISSUE_PUBLISHED));
        });
        JsonNode approval = traces.stream().filter(trace -> spanNames(trace).contains(ISSUE_PUBLISHED))
                .findFirst().orElseThrow();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                {
                    JsonNode whole = trace(traceIds(approval).iterator().next());
                    assertThat(servicesOf(whole)).as("services in the approval's trace").containsAll(SERVICES);
                    // the calls to Twilio and to the SMTP server, across the delivery table
                    assertThat(spanNames(whole)).as("spans of the approval's trace").contains(SMS_SENT, EMAIL_SENT);
                });
        assertThat(traceIds(approval)).as("one trace").hasSize(1);
        String traceId = traceIds(approval).iterator().next();
        System.out.printf("Trace %s of alert %s: services %s%n", traceId, alertId, servicesOf(trace(traceId)));

        // what the operator sees: the trace in Zipkin's own UI (the README's screenshot)
        try (Browser operator = Browser.open("en")) {
            operator.driver().get(ZIPKIN + "/zipkin/traces/" + traceId);
            // the page lists the trace's spans (rendered as they scroll into view: the API above checked them all)
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                    operator.bodyText().contains(traceId) && operator.bodyText().contains("gateway"));
            operator.screenshot("12-zipkin-alert-trace");
        }
    }

    private static JsonNode trace(String traceId) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ZIPKIN + "/api/v2/trace/" + traceId))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.JSON.readTree(response.body());
    }

    private static List<JsonNode> tracesTaggedWith(String alertId) throws Exception {
        String query = URLEncoder.encode("childalert.alert_id=" + alertId, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ZIPKIN
                        + "/api/v2/traces?lookback=900000&limit=20&annotationQuery=" + query))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> traces = new ArrayList<>();
        Api.JSON.readTree(response.body()).forEach(traces::add);
        return traces;
    }

    private static Set<String> servicesOf(JsonNode trace) {
        Set<String> services = new TreeSet<>();
        trace.forEach(span -> services.add(span.path("localEndpoint").path("serviceName").asText()));
        return services;
    }

    private static Set<String> spanNames(JsonNode trace) {
        Set<String> names = new TreeSet<>();
        trace.forEach(span -> names.add(span.path("name").asText().toLowerCase(java.util.Locale.ROOT)));
        return names;
    }

    private static Set<String> traceIds(JsonNode trace) {
        Set<String> ids = new TreeSet<>();
        trace.forEach(span -> ids.add(span.path("traceId").asText()));
        return ids;
    }
}
