package org.childalert.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.childalert.alerts.BearerTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * With its database unreachable (a closed port), the service answers 503 with {@code Retry-After}, as
 * problem+json with a correlation id: a dependency is down, the caller did nothing wrong (issue 18).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:9/alerts_unreachable",
        "spring.datasource.hikari.connection-timeout=250",
        "spring.flyway.enabled=false",
        "childalert.timers.poll-interval=1h",
        "childalert.outbox.poll-interval=1h" })
@ActiveProfiles("test")
class DatabaseDownTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @BeforeEach
    void tokensCarryTheirRole() {
        BearerTokens.decodeRoles(jwtDecoder);
    }

    @Test
    void aDecisionInATransactionGivesA503WithRetryAfterWhenTheDatabaseIsUnreachable() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/alerts/" + UUID.randomUUID() + "/cancellation"))
                        .header("Authorization", "Bearer coordinator")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"FOUND_SAFE\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"traceId\"").doesNotContain("Connection refused")
                .doesNotContain("role");
    }

    @Test
    void aReadGivesA503WithRetryAfterWhenTheDatabaseIsUnreachable() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/alerts/" + UUID.randomUUID()))
                        .header("Authorization", "Bearer coordinator").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    }
}
