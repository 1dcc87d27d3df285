package org.childalert.e2e;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finding 8 (Low): the audit log took the client's X-Forwarded-For; replies showed phone numbers to police of a
 * zone the alert never reached; console pages sent no CSP, Referrer-Policy or Permissions-Policy; a police token
 * without police_zone could acknowledge for any zone; the services listened on all interfaces and showed health
 * details without a token.
 */
class LowFindingsAbuseEndToEndTests {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    @Test
    void theAuditLogRecordsTheRealClientAddressNotAForgedForwardedFor() throws Exception {
        Api alice = Api.as("alice");
        String caseId = Scenarios.openCase(alice, "Audited" + System.nanoTime(), Scenarios.LIEGE_LAT,
                Scenarios.LIEGE_LON, "Liège");
        Instant before = Instant.now().minusSeconds(5);
        Api.Response read = alice.send("GET", "/api/cases/" + caseId, null, null, "X-Forwarded-For", "6.6.6.6");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);

        Api.Response export = Api.as("admin").get("/api/audit?from="
                + URLEncoder.encode(before.toString(), StandardCharsets.UTF_8));
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        List<String> addresses = new ArrayList<>();
        for (String line : export.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry = Api.JSON.readTree(line);
            if (caseId.equals(entry.path("caseId").asText()) && "alice".equals(entry.path("actor").asText())) {
                addresses.add(entry.path("remoteAddress").asText());
            }
        }
        assertThat(addresses).as("audit entries of alice on case " + caseId).isNotEmpty();
        assertThat(addresses).as("addresses recorded").doesNotContain("6.6.6.6").allMatch(a -> !a.contains("6.6.6.6"));
    }

    @Test
    void policeOfAZoneTheAlertNeverReachedDoNotSeeRepliesWithPhoneNumbers() throws Exception {
        Api admin = Api.as("admin");
        Api alice = Api.as("alice");
        String phone = Scenarios.uniqueMobile();
        // a volunteer next to Liège-Guillemins: the alert reaches them, and not police zone 5339 (Brussels)
        Scenarios.verifiedVolunteer(admin, phone, Scenarios.uniqueEmail("replier"), Scenarios.LIEGE_LAT + 0.005,
                Scenarios.LIEGE_LON);
        String alertId = Scenarios.activeAlert(alice, Api.as("dave"), Scenarios.LIEGE_LAT, Scenarios.LIEGE_LON,
                "Liège-Guillemins", 5);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TwilioFake.messagesTo(phone)).hasSize(1));
        assertThat(TwilioWebhooks.incomingSms(phone, "SIGHTING green coat at the station").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(alice.get("/api/alerts/" + alertId + "/replies").body()).contains(phone));
        assertThat(ForgedWebhookAbuseEndToEndTests.zoneStatus(alice, alertId)).isEqualTo("NOT REACHED");

        Api.Response bobReads = Api.as("bob").get("/api/alerts/" + alertId + "/replies");
        assertThat(bobReads.status() == 403 || bobReads.status() == 404 || !bobReads.body().contains(phone))
                .as("police of zone 5339 reading the replies of an alert that never reached it: " + bobReads).isTrue();
    }

    @Test
    void consolePagesSendSecurityHeadersAndAnHttpOnlySessionCookie() throws Exception {
        HttpResponse<String> landing = HTTP.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(landing.headers().firstValue("Content-Security-Policy")).as("Content-Security-Policy").isPresent();
        assertThat(landing.headers().firstValue("Referrer-Policy")).as("Referrer-Policy").isPresent();
        assertThat(landing.headers().firstValue("Permissions-Policy")).as("Permissions-Policy").isPresent();
        assertThat(landing.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(
                URI.create(Stack.GATEWAY + "/oauth2/authorization/keycloak")).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertThat(cookies).as("the session cookie set when login starts")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("CHILDALERT_SESSION=").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void aPoliceTokenWithoutAZoneCannotAcknowledge() throws Exception {
        KeycloakAdmin keycloak = KeycloakAdmin.master();
        String username = KeycloakAdmin.throwawayName("zoneless");
        String password = "Zoneless-" + System.nanoTime() + "-Pass!";
        String userId = keycloak.createUser(username, password, "police", Map.of());
        try {
            Api alice = Api.as("alice");
            PoliceZone5339.contactOnDuty(Api.as("admin"));
            String alertId = Scenarios.activeAlert(alice, Api.as("bob"), Scenarios.BRUSSELS_LAT,
                    Scenarios.BRUSSELS_LON, "Brussels-Central", 3);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(ForgedWebhookAbuseEndToEndTests.zoneStatus(alice, alertId)).isEqualTo("WAITING"));

            Api.Response ack = Api.as(username, password).post("/api/alerts/" + alertId + "/acknowledgements",
                    "{\"zoneId\":\"" + PoliceZone5339.CODE + "\"}");
            assertThat(ack.status()).as("a police token without police_zone acknowledging: " + ack).isEqualTo(403);
            assertThat(ForgedWebhookAbuseEndToEndTests.zoneStatus(alice, alertId)).isEqualTo("WAITING");
        } finally {
            keycloak.deleteUser(userId);
        }
    }

    @Test
    void theServicesMainPortsAreNotReachableFromAnotherInterface() throws Exception {
        InetAddress external = nonLoopbackAddress();
        Assumptions.assumeTrue(external != null, "this machine has no non-loopback IPv4 address");
        List<String> reachable = new ArrayList<>();
        for (int port : new int[] {8081, 8082, 8083}) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(external, port), 1000);
                reachable.add(external.getHostAddress() + ":" + port);
            } catch (java.io.IOException refused) {
                // as it should be: only the gateway listens beyond loopback
            }
        }
        assertThat(reachable).as("service ports open on " + external).isEmpty();
    }

    @Test
    void healthShowsNoDetailsWithoutATokenAndMetricsAreOnTheLoopbackManagementPorts() throws Exception {
        for (int port : new int[] {8080, 8081, 8082, 8083}) {
            HttpResponse<String> health = get("http://localhost:" + port + "/actuator/health");
            assertThat(health.body()).as("health on " + port + ": " + health.body())
                    .doesNotContain("\"components\"").doesNotContain("\"details\"");
        }
        for (int port : new int[] {9080, 9081, 9082, 9083}) {
            HttpResponse<String> prometheus;
            try {
                prometheus = get("http://127.0.0.1:" + port + "/actuator/prometheus");
            } catch (java.net.ConnectException closed) {
                throw new AssertionError("no management port on 127.0.0.1:" + port, closed);
            }
            assertThat(prometheus.statusCode()).as("prometheus on " + port).isEqualTo(200);
            assertThat(prometheus.body()).contains("jvm_");
            HttpResponse<String> health = get("http://127.0.0.1:" + port + "/actuator/health");
            assertThat(health.body()).as("health on management port " + port).doesNotContain("\"components\"");
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static InetAddress nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return address;
                }
            }
        }
        return null;
    }
}
