package org.childalert.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An alert's report stream through the gateway is passed on event by event, not held until the service ends
 * the response: the fake notification-service (a plain JDK HTTP server, which can hold a response open) sends
 * its second event only after the client has read the first through the gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventStreamRoutingTests {

    private static final String JWKS_PATH = "/realms/childalert/protocol/openid-connect/certs";
    private static final String FIRST = "event:report\ndata:{\"total\":4,\"byState\":{\"DELIVERED\":3}}\n\n";
    private static final String SECOND = "event:report\ndata:{\"total\":4,\"byState\":{\"DELIVERED\":4}}\n\n";

    static final Tokens tokens = Tokens.withFreshKey();
    static final WireMockServer keycloak = keycloakServing(tokens);
    static final CountDownLatch firstEventRead = new CountDownLatch(1);
    static final AtomicBoolean secondEventSent = new AtomicBoolean();
    static final HttpServer notificationService = reportStreamServer();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String notifications = "http://localhost:" + notificationService.getAddress().getPort();
        registry.add("childalert.services.cases-url", () -> notifications);
        registry.add("childalert.services.alerts-url", () -> notifications);
        registry.add("childalert.services.notifications-url", () -> notifications);
        registry.add("childalert.security.jwk-set-uri", () -> keycloak.baseUrl() + JWKS_PATH);
    }

    @AfterAll
    static void stopFakes() {
        notificationService.stop(0);
        keycloak.stop();
    }

    @Test
    void passesEachEventOnAsTheServiceSendsIt() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/alerts/" + UUID.randomUUID()
                                + "/report/stream"))
                        .header("Authorization", "Bearer " + tokens.coordinator("alice"))
                        .header("Accept", "text/event-stream")
                        .GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            List<String> first = readEvent(events);
            assertThat(secondEventSent).as("the service had sent its second event before the first came through")
                    .isFalse();
            firstEventRead.countDown();
            List<String> second = readEvent(events);

            assertThat(String.join("\n", first) + "\n\n").isEqualTo(FIRST);
            assertThat(String.join("\n", second) + "\n\n").isEqualTo(SECOND);
        }
    }

    /** The lines of the next event, up to the blank line that ends it. */
    private static List<String> readEvent(BufferedReader events) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = events.readLine(); line != null && !line.isEmpty(); line = events.readLine()) {
            lines.add(line);
        }
        return lines;
    }

    /**
     * Sends the first event at once and the second once the test has read the first, or after a minute if it
     * never does (a gateway that buffers the whole response), so that the test ends either way.
     */
    private static HttpServer reportStreamServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/alerts/", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(FIRST.getBytes(StandardCharsets.UTF_8));
                    body.flush();
                    firstEventRead.await(60, TimeUnit.SECONDS);
                    secondEventSent.set(true);
                    body.write(SECOND.getBytes(StandardCharsets.UTF_8));
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
            return server;
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot start the fake notification-service", e);
        }
    }

    private static WireMockServer keycloakServing(Tokens tokens) {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(get(JWKS_PATH).willReturn(okJson(tokens.jwkSetJson())));
        return server;
    }
}
