package org.childalert.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as the edge, over real HTTP, in front of services that misbehave as real ones do: case-service
 * (WireMock, also Keycloak's key set) answers 429 with {@code Retry-After: 3600}, is slow or answers problems;
 * alert-service closes every connection after answering (as Tomcat does after a request it did not read);
 * notification-service is down. Proxies at 127.0.0.2 are trusted; every other caller is not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "childalert.gateway.trusted-proxies=127\\.0\\.0\\.2",
        "spring.http.clients.read-timeout=2s" })
class GatewayEdgeTests {

    private static final String JWKS_PATH = "/realms/childalert/protocol/openid-connect/certs";
    private static final long MB = 1024 * 1024;

    static final WireMockServer caseService = started();
    static final ClosingService alertService = closingService();
    static final int closedPort = freePort();
    static final Tokens tokens = Tokens.withFreshKey();

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("childalert.services.cases-url", caseService::baseUrl);
        registry.add("childalert.services.alerts-url", alertService::baseUrl);
        registry.add("childalert.services.notifications-url", () -> "http://localhost:" + closedPort);
        registry.add("childalert.security.jwk-set-uri", () -> caseService.baseUrl() + JWKS_PATH);
    }

    @BeforeEach
    void caseServiceAnswers() {
        caseService.resetAll();
        caseService.stubFor(get(JWKS_PATH).willReturn(okJson(tokens.jwkSetJson())));
        caseService.stubFor(any(urlPathMatching("/api/cases/.*")).willReturn(okJson("{\"answeredBy\":\"case-service\"}")));
    }

    @AfterAll
    static void stopFakes() throws IOException {
        caseService.stop();
        alertService.close();
    }

    // A. a service's 429 or 503 reaches the caller as it was, at once, and nothing is sent twice

    @Test
    void passesA429WithRetryAfterStraightThroughWithoutSendingThePostAgain() throws Exception {
        caseService.stubFor(post("/api/cases/limited/verification-sms").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "3600")
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"Three codes an hour.\"}")));
        send(postJson("/api/cases/limited/verification-sms", "{}")); // warms the route up (and fails if it waits)
        caseService.resetRequests();

        long started = System.nanoTime();
        HttpResponse<String> response = send(postJson("/api/cases/limited/verification-sms", "{}"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3600");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).isEqualTo(
                "{\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"Three codes an hour.\"}");
        assertThat(took).isLessThan(Duration.ofSeconds(1));
        caseService.verify(1, postRequestedFor(urlEqualTo("/api/cases/limited/verification-sms")));
    }

    @Test
    void passesA429OnAReadStraightThroughWithoutWaitingForTheRetryAfter() throws Exception {
        caseService.stubFor(get("/api/cases/limited").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "3600")
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":429,\"detail\":\"Slow down.\"}")));
        send(authorized("/api/cases/" + UUID.randomUUID()).GET()); // warms the route up

        long started = System.nanoTime();
        HttpResponse<String> response = send(authorized("/api/cases/limited").GET());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3600");
        assertThat(response.body()).isEqualTo("{\"status\":429,\"detail\":\"Slow down.\"}");
        assertThat(took).isLessThan(Duration.ofSeconds(1));
        caseService.verify(1, getRequestedFor(urlEqualTo("/api/cases/limited")));
    }

    @Test
    void passesA503WithRetryAfterThroughWithoutAskingTheServiceAgain() throws Exception {
        caseService.stubFor(get("/api/cases/busy").willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "1")
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":503,\"detail\":\"The database is down.\"}")));

        HttpResponse<String> response = send(authorized("/api/cases/busy").GET());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.body()).contains("The database is down.");
        caseService.verify(1, getRequestedFor(urlEqualTo("/api/cases/busy")));
    }

    // B. the probe's sequences on connections the service closes after answering: never a 5xx from the gateway

    @Test
    void neverAnswers5xxWhenTheServiceClosesEachConnectionAfterAnswering() throws Exception {
        alertService.requests().clear();
        String alert = "/api/alerts/" + UUID.randomUUID();
        List<HttpResponse<String>> answers = new ArrayList<>();
        List<String> expectedAtService = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            answers.add(send(HttpRequest.newBuilder(gateway(alert)) // no token: the gateway answers itself
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{"))));
            answers.add(send(authorized(alert + "/approval").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"level\":"))));
            expectedAtService.add("POST " + alert + "/approval 9");
            String wrongTypes = "{\"level\":[1,2],\"radiusKm\":\"far\"}";
            answers.add(send(authorized(alert + "/approval").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(wrongTypes))));
            expectedAtService.add("POST " + alert + "/approval " + wrongTypes.length());
            answers.add(send(authorized(alert).GET()));
            expectedAtService.add("GET " + alert + " 0");
            answers.add(send(authorized(alert).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) (3 * MB)]))));
            expectedAtService.add("PUT " + alert + " " + 3 * MB);
            answers.add(send(authorized(alert + "/cancellation").DELETE()));
            expectedAtService.add("DELETE " + alert + "/cancellation 0");
        }

        assertThat(answers).extracting(HttpResponse::statusCode).allSatisfy(status -> assertThat(status).isLessThan(500));
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 400)
                .hasSize(25)
                .allSatisfy(answer -> assertThat(answer.body()).isEqualTo(ClosingService.PROBLEM));
        assertThat(alertService.requests()).as("each request reached the service exactly once")
                .containsExactlyElementsOf(expectedAtService);
    }

    @Test
    void refusesABodyOverTheLimitWith413BeforeItReachesTheService() throws Exception {
        HttpResponse<String> response = send(authorized("/api/cases/" + UUID.randomUUID() + "/photo")
                .header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) (7 * MB)])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":413", "6291456 bytes", "\"traceId\":");
        assertThat(caseService.findAll(anyRequestedFor(urlPathMatching("/api/cases/.*")))).isEmpty();
    }

    @Test
    void refusesAChunkedBodyThatGrowsOverTheLimitWith413() throws Exception {
        byte[] body = new byte[(int) (7 * MB)];
        HttpResponse<String> response = send(authorized("/api/cases/" + UUID.randomUUID() + "/photo")
                .header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"status\":413");
    }

    @Test
    void letsABodyUnderTheLimitThrough() throws Exception {
        HttpResponse<String> response = send(authorized("/api/cases/" + UUID.randomUUID() + "/photo")
                .header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) (5 * MB)])));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("case-service");
    }

    @Test
    void answers503WithRetryAfterWhenAServiceIsDown() throws Exception {
        HttpResponse<String> response = send(authorized("/api/volunteers/" + UUID.randomUUID())
                .header("X-Request-Id", "probe-42").GET());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":503", "cannot be reached", "\"traceId\":\"probe-42\"")
                .doesNotContain("localhost", "Connection refused", "Exception");
    }

    @Test
    void answers504WhenAServiceIsTooSlow() throws Exception {
        caseService.stubFor(get("/api/cases/slow").willReturn(okJson("{}").withFixedDelay(4000)));

        HttpResponse<String> response = send(authorized("/api/cases/slow").GET());

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":504", "did not answer in time", "\"traceId\":");
    }

    // D. an unexpected failure is a 500 problem with a correlation id, nothing internal, never a 401 or 403

    @Test
    void answersAnUnexpectedFailureWith500ProblemAndATraceIdWithoutInternals() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(gateway("/api-docs/exploding")).GET());
        HttpResponse<String> withToken = send(authorized("/api-docs/exploding").header("X-Request-Id", "req-7").GET());

        for (HttpResponse<String> response : List.of(anonymous, withToken)) {
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"status\":500", "\"traceId\":")
                    .doesNotContain("hunter2", "IllegalStateException", "at org.");
        }
        assertThat(withToken.body()).contains("\"traceId\":\"req-7\"");
    }

    @Test
    void rendersTheHtmlErrorPageForABrowserWhosePageFailedWithoutAskingItToSignIn() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway("/css/exploding.css"))
                .header("Accept", "text/html").GET());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("Something went wrong").doesNotContain("hunter2");
        // with the header of every page: the language switch comes back to the page asked for (review finding 10)
        assertThat(response.body()).contains("class=\"site-header\"", "href=\"/css/exploding.css?lang=nl\"");
    }

    // C. what a service is told about the caller is what the gateway saw

    @Test
    void replacesTheForwardingHeadersAClientSentWithWhatTheGatewaySaw() throws Exception {
        String path = "/api/cases/" + UUID.randomUUID();

        send(authorized(path)
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .header("X-Real-IP", "6.6.6.6")
                .header("Forwarded", "for=6.6.6.6;proto=https")
                .GET());

        caseService.verify(1, getRequestedFor(urlEqualTo(path))
                .withHeader("X-Forwarded-For", equalTo("127.0.0.1"))
                .withHeader("X-Forwarded-Host", equalTo("localhost:" + port))
                .withHeader("X-Forwarded-Proto", equalTo("http"))
                .withHeader("X-Forwarded-Port", equalTo(String.valueOf(port)))
                .withHeader("X-Real-IP", absent())
                .withHeader("Forwarded", absent()));
    }

    @Test
    void believesTheForwardingHeadersOfATrustedProxyOnly() throws Exception {
        String path = "/api/cases/" + UUID.randomUUID();

        String answer = rawGet("127.0.0.2", path, "X-Forwarded-For: 203.0.113.7", "X-Forwarded-Proto: https",
                "Authorization: Bearer " + tokens.coordinator("alice"));

        assertThat(answer).startsWith("HTTP/1.1 200");
        caseService.verify(1, getRequestedFor(urlEqualTo(path))
                .withHeader("X-Forwarded-For", equalTo("203.0.113.7"))
                .withHeader("X-Forwarded-Proto", equalTo("https")));
    }

    @Test
    void marksTheSessionCookieSecureWhenATrustedProxyReceivedTheRequestOverTls() throws Exception {
        String behindTls = rawGet("127.0.0.2", "/oauth2/authorization/keycloak", "X-Forwarded-Proto: https");
        String plain = rawGet("127.0.0.1", "/oauth2/authorization/keycloak");
        String claimedByTheClient = rawGet("127.0.0.1", "/oauth2/authorization/keycloak", "X-Forwarded-Proto: https");

        assertThat(sessionCookie(behindTls)).contains("HttpOnly", "SameSite=Lax", "Secure");
        assertThat(sessionCookie(plain)).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        assertThat(sessionCookie(claimedByTheClient)).doesNotContain("Secure");
    }

    @Test
    void sendsTheSecurityHeadersWithEveryPage() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(gateway("/")).header("Accept", "text/html").GET());
        HttpResponse<String> script = send(HttpRequest.newBuilder(gateway("/js/console.js")).GET());

        for (HttpResponse<String> response : List.of(page, script)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                            "frame-ancestors 'none'", "form-action 'self' http://localhost:8180")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(response.headers().firstValue("Permissions-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                    .contains("geolocation=()", "camera=()", "microphone=()", "payment=()"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
    }

    @Test
    void sendsTheSecurityHeadersWithApiAnswers() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway("/api/cases")).GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(
                "default-src 'none'; frame-ancestors 'none'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    }

    // E. actuator on the management port only

    @Test
    void servesReadinessAndPrometheusOnTheManagementPortWithoutAToken() throws Exception {
        HttpResponse<String> readiness = send(HttpRequest.newBuilder(management("/actuator/health/readiness")).GET());
        HttpResponse<String> prometheus = send(HttpRequest.newBuilder(management("/actuator/prometheus")).GET());

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void showsHealthDetailsToAnAdminOnly() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(management("/actuator/health")).GET());
        HttpResponse<String> coordinator = send(HttpRequest.newBuilder(management("/actuator/health"))
                .header("Authorization", "Bearer " + tokens.coordinator("alice")).GET());
        HttpResponse<String> admin = send(HttpRequest.newBuilder(management("/actuator/health"))
                .header("Authorization", "Bearer " + tokens.withRole("root", "admin")).GET());

        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components", "diskSpace");
        assertThat(coordinator.body()).doesNotContain("components", "diskSpace");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("diskSpace");
    }

    @Test
    void servesNoActuatorOnThePublicPortNorTheServicesActuatorThroughARoute() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/env")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(gateway(path)).GET());
            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("\"status\":\"UP\"", "jvm_");
        }
        for (String path : List.of("/api/cases/..%2F..%2Factuator/health", "/api/cases/%2e%2e/%2e%2e/actuator/env",
                "/api/cases/../../actuator/health")) {
            HttpResponse<String> response = send(authorized(path).GET());
            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
        }
        assertThat(caseService.findAll(anyRequestedFor(urlPathMatching(".*actuator.*")))).isEmpty();
    }

    /** An endpoint of the gateway that fails as a bug would, with a secret in its message. */
    @TestConfiguration
    static class ExplodingEndpoint {

        @Bean
        RouterFunction<ServerResponse> exploding() {
            return RouterFunctions.route()
                    .GET("/api-docs/exploding", request -> {
                        throw new IllegalStateException("cannot connect with password hunter2");
                    })
                    .GET("/css/exploding.css", request -> { // open to everyone, like every static resource
                        throw new IllegalStateException("cannot connect with password hunter2");
                    })
                    .build();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(gateway(path)).header("Authorization", "Bearer " + tokens.coordinator("alice"));
    }

    private HttpRequest.Builder postJson(String path, String json) {
        return authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private URI gateway(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    private URI management(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    /** A GET sent from the given local address (127.0.0.2 is the trusted proxy), answered head and body. */
    private String rawGet(String from, String path, String... headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(15000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String sessionCookie(String answer) {
        return answer.lines().filter(line -> line.regionMatches(true, 0, "Set-Cookie: CHILDALERT_SESSION=", 0, 31))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in:\n" + answer));
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    private static ClosingService closingService() {
        try {
            return new ClosingService();
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot start the fake alert-service", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
