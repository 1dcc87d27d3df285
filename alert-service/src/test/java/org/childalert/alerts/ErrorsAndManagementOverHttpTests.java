package org.childalert.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.UUID;

import org.childalert.alerts.lifecycle.AlertRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The service as a client and an operator reach it over real HTTP (a real Tomcat, so that a failure would be
 * forwarded to {@code /error} as in production): an internal failure is a 500 with a correlation id, never a
 * 403 about the caller's role (issue 18); the actuator lives on its own port, where Prometheus needs no token and
 * health shows details only to an administrator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ErrorsAndManagementOverHttpTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @MockitoBean
    AlertRepository alerts;

    @BeforeEach
    void tokensCarryTheirRole() {
        BearerTokens.decodeRoles(jwtDecoder);
    }

    @Test
    void aRepositoryThatThrowsGivesA500WithACorrelationIdAndNoInternalsNotA403() throws Exception {
        when(alerts.findById(any())).thenThrow(new BadSqlGrammarException("select alert",
                "select * from alert where id = ?", new SQLException("relation \"alert\" does not exist")));

        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/alerts/" + UUID.randomUUID()))
                .header("Authorization", "Bearer coordinator")
                .header("X-Request-Id", "req-4711"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // the request's trace id (the tracer's, found in Zipkin and on the log lines), not the caller's X-Request-Id
        assertThat(response.body()).containsPattern("\"traceId\":\"[0-9a-f]{32}\"")
                .doesNotContain("relation").doesNotContain("select").doesNotContain("Exception")
                .doesNotContain("role");
    }

    @Test
    void aFailureInsideATransactionIsAlsoA500AndACorrelationIdIsMadeWhenNoneWasSent() throws Exception {
        when(alerts.lockById(any())).thenThrow(new IllegalStateException("internal detail"));

        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/alerts/" + UUID.randomUUID()
                        + "/cancellation"))
                .header("Authorization", "Bearer coordinator")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"FOUND_SAFE\"}")));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).containsPattern("\"traceId\":\"[0-9a-f]{32}\"").doesNotContain("internal detail");
    }

    @Test
    void aTokenThatCannotBeCheckedBecauseKeycloakIsOutOfReachIsA503NotA500() throws Exception {
        // what Spring Security's decoder throws when it cannot fetch the realm's keys
        doThrow(new JwtException("An error occurred while attempting to decode the Jwt: Couldn't retrieve remote JWK set"))
                .when(jwtDecoder).decode("identity-provider-down");

        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/alerts/" + UUID.randomUUID()))
                .header("Authorization", "Bearer identity-provider-down"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body()).contains("identity provider cannot be reached", "traceId").doesNotContain("JWK");
    }

    @Test
    void prometheusIsReadableWithoutATokenOnTheManagementPort() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(management("/actuator/prometheus")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void healthShowsItsDetailsOnlyToAnAdministrator() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(management("/actuator/health")));
        HttpResponse<String> admin = send(HttpRequest.newBuilder(management("/actuator/health"))
                .header("Authorization", "Bearer admin"));
        HttpResponse<String> coordinator = send(HttpRequest.newBuilder(management("/actuator/health"))
                .header("Authorization", "Bearer coordinator"));

        assertThat(anonymous.statusCode()).isIn(200, 503);
        assertThat(anonymous.body()).contains("\"status\"").doesNotContain("components").doesNotContain("db");
        assertThat(coordinator.body()).doesNotContain("components");
        assertThat(admin.body()).contains("components").contains("db");
    }

    @Test
    void theMainPortNoLongerServesTheActuator() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/actuator/health"))
                .header("Authorization", "Bearer admin"));

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.body()).doesNotContain("\"status\":\"UP\"");
        assertThat(managementPort).isNotEqualTo(port);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI api(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private URI management(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }
}
