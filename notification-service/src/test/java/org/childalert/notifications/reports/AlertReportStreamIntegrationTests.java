package org.childalert.notifications.reports;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.childalert.notifications.FakeProviders;
import org.childalert.notifications.dispatch.QueuedDeliveries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live report over a real HTTP connection on a random port, with a real signed token (its keys served like
 * Keycloak's, by the fake): the first event at once, another when the figures change, and the end of the stream
 * once the alert has ended and nothing is pending.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = FakeProviders.class)
class AlertReportStreamIntegrationTests {

    private static final String JWKS_PATH = "/test-realm/certs";
    private static RSAKey key;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void keysLikeKeycloaks() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        FakeProviders.twilio().stubFor(get(urlEqualTo(JWKS_PATH)).willReturn(okJson(new JWKSet(key.toPublicJWK()).toString())));
    }

    @DynamicPropertySource
    static void tokensSignedByTheTestRealm(DynamicPropertyRegistry properties) {
        properties.add("childalert.security.jwk-set-uri", () -> "http://localhost:" + FakeProviders.twilio().port() + JWKS_PATH);
    }

    @Test
    void sendsTheReportAtOnceThenWhenItChangesAndEndsWhenTheAlertHasEndedAndNothingIsPending() throws Exception {
        QueuedDeliveries queue = new QueuedDeliveries(jdbc);
        UUID alertId = queue.alert("Red cap.");
        UUID waiting = queue.delivery(alertId, UUID.randomUUID(), "SMS", QueuedDeliveries.randomMobile("+32479"), "SENDING", null);
        queue.delivery(alertId, UUID.randomUUID(), "SMS", QueuedDeliveries.randomMobile("+32479"), "ACCEPTED", "SM1");

        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                        .uri(URI.create("http://localhost:" + port + "/api/alerts/" + alertId + "/report/stream"))
                        .header("Authorization", "Bearer " + token("alice", "coordinator"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        Iterator<String> lines = response.body().iterator();

        String first = nextReport(lines);
        assertThat((Integer) JsonPath.read(first, "$.total")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(first, "$.byState.SENDING")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(first, "$.byChannel.EMAIL.FAILED")).isZero();
        assertThat(JsonPath.<String>read(first, "$.alertId")).isEqualTo(alertId.toString());

        // the message being sent is taken by Twilio, and the child is found: the stream reports it, then ends
        jdbc.sql("update delivery set state = 'ACCEPTED', accepted_at = now() where id = :id").param("id", waiting).update();
        jdbc.sql("update alert_notice set cancelled_at = now() where alert_id = :id").param("id", alertId).update();

        List<String> later = new ArrayList<>();
        String afterward;
        do {
            afterward = nextReport(lines);
            later.add(afterward);
        } while ((Integer) JsonPath.read(afterward, "$.byState.SENDING") != 0);
        assertThat((Integer) JsonPath.read(afterward, "$.byState.ACCEPTED")).as("after %s came %s", first, later).isEqualTo(2);
        assertThat((Integer) JsonPath.read(afterward, "$.total")).isEqualTo(2);
        List<String> rest = CompletableFuture.supplyAsync(() -> {
            List<String> remaining = new ArrayList<>();
            lines.forEachRemaining(remaining::add);
            return remaining;
        }).get(30, TimeUnit.SECONDS);
        assertThat(rest).noneMatch(line -> line.startsWith("event:"));
    }

    @Test
    void aVolunteerCannotOpenTheStream() throws Exception {
        UUID alertId = new QueuedDeliveries(jdbc).alert("Red cap.");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                        .uri(URI.create("http://localhost:" + port + "/api/alerts/" + alertId + "/report/stream"))
                        .header("Authorization", "Bearer " + token("carol", "volunteer"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    /** The data of the next event named "report" (waiting at most 30 s for it). */
    private static String nextReport(Iterator<String> lines) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            boolean named = false;
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.equals("event:report")) {
                    named = true;
                } else if (named && line.startsWith("data:")) {
                    return line.substring("data:".length());
                }
            }
            throw new AssertionError("The stream ended without another report event");
        }).get(30, TimeUnit.SECONDS);
    }

    private static String token(String user, String role) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("http://localhost:8180/realms/childalert")
                .audience("childalert-api")
                .subject(user)
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", List.of(role)))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
