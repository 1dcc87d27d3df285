package org.childalert.cases;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.childalert.cases.audit.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;

/**
 * The service as a real HTTP server (Tomcat, its valves and its error dispatch, which MockMvc does not run), its
 * database reached through a proxy the test can cut, and bearer tokens that the test's decoder accepts:
 * <ul>
 *   <li>issue 18: the service's own failure is 500, a database that is down is 503 with Retry-After, both as
 *   problem+json with a correlation id, never the 403 the error page's dispatch used to get;</li>
 *   <li>issue 12 finding 8: the audited address is the one Tomcat trusts, never a value the client put first in
 *   X-Forwarded-For;</li>
 *   <li>the actuator lives on the management port only: Prometheus without a token, health details only for an
 *   administrator.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // this context's database goes away with the test's proxy: it must not take the other tests' events
        properties = "spring.cloud.stream.bindings.alertEvents-in-0.consumer.auto-startup=false")
@ActiveProfiles("test")
@DirtiesContext
class ServerEdgeIntegrationTests {

    private static final CuttableTcpProxy database = startProxy();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    @MockitoBean
    JwtDecoder tokens;

    @MockitoSpyBean
    AuditLog audit;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + database.port() + "/cases_test"
                + System.getenv().getOrDefault("CHILDALERT_TEST_SUFFIX", ""));
    }

    @AfterAll
    static void stopProxy() throws IOException {
        database.close();
    }

    @BeforeEach
    void tokens() {
        given(tokens.decode(anyString())).willAnswer(invocation -> {
            String role = invocation.getArgument(0);
            if (!List.of("admin", "coordinator", "police", "volunteer").contains(role)) {
                throw new BadJwtException("unknown test token");
            }
            return Jwt.withTokenValue(role).header("alg", "none").subject("edge-" + role)
                    .claim("preferred_username", "edge-" + role)
                    .claim("realm_access", Map.of("roles", List.of(role)))
                    .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                    .build();
        });
    }

    @AfterEach
    void databaseBack() {
        database.restore();
    }

    @Test
    void anUnexpectedFailureIsA500WithACorrelationIdNotA403() throws Exception {
        // as when the tables were dropped under the running service (issue 18)
        willThrow(new BadSqlGrammarException("audit", "insert into audit_log",
                new SQLException("relation \"audit_log\" does not exist")))
                .given(audit).record(any(), eq("STATISTICS_READ"), any(), any());

        HttpResponse<String> response = send(request(port, "/api/statistics/yearly?year=2025", "admin")
                .header("X-Request-Id", "req-42"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        // the request's trace id (the tracer's, found in Zipkin and on the log lines), not the caller's X-Request-Id
        assertThat(JsonPath.<String>read(response.body(), "$.traceId")).matches("[0-9a-f]{32}");
        assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(500);
        assertThat(response.body()).doesNotContain("audit_log", "SQL", "Exception", "role");
    }

    @Test
    void aDatabaseThatIsDownIsA503WithRetryAfterAndTheServiceRecoversWhenItIsBack() throws Exception {
        assertThat(send(request(port, "/api/cases?size=1", "coordinator")).statusCode()).isEqualTo(200);

        database.cut();
        // the first request meets a pooled connection that breaks under it, the next one finds no connection at all
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> down = send(request(port, "/api/cases?size=1", "coordinator"));

            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).contains("5");
            assertThat(down.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JsonPath.<String>read(down.body(), "$.traceId")).isNotBlank();
            assertThat(down.body()).doesNotContain("jdbc", "Exception", "5432");
        }

        database.restore();
        // the pool replaces its broken connections by itself; on a busy machine that can take a few seconds
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(send(request(port, "/api/cases?size=1", "coordinator")).statusCode()).isEqualTo(200));
    }

    @Test
    void theAuditedAddressIsTheOneATrustedProxyAddedNotTheFirstOneTheClientWrote() throws Exception {
        String caseId = JsonPath.read(send(request(port, "/api/cases", "coordinator")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        Cases.criminalAbductionOf("Edge-" + UUID.randomUUID(), LocalDate.of(2014, 3, 1))))).body(), "$.id");

        // the gateway (here: this test, on 127.0.0.1, an internal proxy) appends the address it saw the client
        // come from to whatever X-Forwarded-For the client forged
        assertThat(send(request(port, "/api/cases/" + caseId, "coordinator")
                .header("X-Forwarded-For", "6.6.6.6, 203.0.113.9")).statusCode()).isEqualTo(200);

        assertThat(jdbc.sql("select remote_address from audit_log where case_id = :id and action = 'CASE_READ'")
                .param("id", UUID.fromString(caseId)).query(String.class).list()).containsExactly("203.0.113.9");
    }

    @Test
    void aTokenThatCannotBeCheckedBecauseKeycloakIsOutOfReachIsA503NotA500() throws Exception {
        // what Spring Security's decoder throws when it cannot fetch the realm's keys
        willThrow(new JwtException("An error occurred while attempting to decode the Jwt: Couldn't retrieve remote JWK set"))
                .given(tokens).decode("identity-provider-down");

        HttpResponse<String> response = send(request(port, "/api/cases?size=1", "identity-provider-down"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(response.body()).contains("identity provider cannot be reached", "traceId").doesNotContain("JWK");
    }

    @Test
    void prometheusIsScrapedWithoutATokenOnTheManagementPortOnly() throws Exception {
        HttpResponse<String> scrape = send(request(managementPort, "/actuator/prometheus", null));

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        assertThat(send(request(port, "/actuator/prometheus", null)).statusCode())
                .as("the main port serves no actuator").isEqualTo(404);
        assertThat(send(request(port, "/actuator/health", "admin")).statusCode()).isEqualTo(404);
    }

    @Test
    void healthShowsItsDetailsOnlyToAnAdministrator() throws Exception {
        HttpResponse<String> anonymous = send(request(managementPort, "/actuator/health", null));
        HttpResponse<String> coordinator = send(request(managementPort, "/actuator/health", "coordinator"));
        HttpResponse<String> admin = send(request(managementPort, "/actuator/health", "admin"));

        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\"").doesNotContain("components", "db", "rabbit", "diskSpace");
        assertThat(coordinator.body()).doesNotContain("components");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("components", "db", "diskSpace");
        assertThat(send(request(managementPort, "/actuator/health/readiness", null)).statusCode()).isEqualTo(200);
    }

    private static HttpRequest.Builder request(int port, String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, pathAndQuery)).timeout(Duration.ofSeconds(20));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private static CuttableTcpProxy startProxy() {
        try {
            return new CuttableTcpProxy("127.0.0.1", 5432);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
