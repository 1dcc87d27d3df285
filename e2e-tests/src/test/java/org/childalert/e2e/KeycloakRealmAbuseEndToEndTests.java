package org.childalert.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 5 (Medium): the realm had no brute-force protection, no password policy, login events off, offline
 * tokens with no maximum lifetime, and wildcard redirect and post-logout URIs on the console client. Checked on
 * the running dev realm through Keycloak's admin API, with throwaway users (no demo user is ever locked out).
 */
class KeycloakRealmAbuseEndToEndTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    @Test
    void theRightPasswordIsRefusedForAWhileAfterRepeatedWrongOnes() throws Exception {
        KeycloakAdmin keycloak = KeycloakAdmin.master();
        JsonNode realm = keycloak.realm();
        int failureFactor = realm.path("failureFactor").asInt(30);
        int attempts = Math.max(1, Math.min(failureFactor, 30)) + 1;
        String username = KeycloakAdmin.throwawayName("brute");
        String password = "Throwaway-" + System.nanoTime() + "-Pass!";
        String id = keycloak.createUser(username, password, "volunteer", Map.of());
        try {
            for (int i = 0; i < attempts; i++) {
                assertThat(passwordGrant(username, "wrong-" + i)).isNotEqualTo(200);
            }
            int rightPassword = passwordGrant(username, password);
            assertThat(rightPassword).as("the right password after " + attempts + " wrong ones (bruteForceProtected="
                    + realm.path("bruteForceProtected").asBoolean() + ")").isNotEqualTo(200);
        } finally {
            keycloak.deleteUser(id);
        }
    }

    @Test
    void aWeakPasswordIsRefused() throws Exception {
        KeycloakAdmin keycloak = KeycloakAdmin.master();
        assertThat(keycloak.realm().path("passwordPolicy").asText("")).as("the realm's password policy").isNotBlank();
        HttpResponse<String> weak = keycloak.setPasswordOfNewUser(KeycloakAdmin.throwawayName("weak"), "abc");
        assertThat(weak.statusCode()).as("setting the password 'abc': " + weak.body()).isEqualTo(400);
    }

    @Test
    void loginEventsAreRecorded() throws Exception {
        KeycloakAdmin keycloak = KeycloakAdmin.master();
        JsonNode events = Api.JSON.readTree(keycloak.call("GET", "/events/config", null).body());
        assertThat(events.path("eventsEnabled").asBoolean()).as("eventsEnabled").isTrue();
    }

    @Test
    void offlineSessionsHaveAMaximumLifetime() throws Exception {
        JsonNode realm = KeycloakAdmin.master().realm();
        assertThat(realm.path("offlineSessionMaxLifespanEnabled").asBoolean()).as("offlineSessionMaxLifespanEnabled").isTrue();
        assertThat(realm.path("offlineSessionMaxLifespan").asInt()).isPositive();
    }

    @Test
    void theConsoleClientHasExactRedirectAndPostLogoutUris() throws Exception {
        JsonNode console = KeycloakAdmin.master().client("console");
        List<String> redirects = new ArrayList<>();
        console.path("redirectUris").forEach(uri -> redirects.add(uri.asText()));
        assertThat(redirects).isNotEmpty().noneMatch(uri -> uri.contains("*"));
        String postLogout = console.path("attributes").path("post.logout.redirect.uris").asText("");
        assertThat(postLogout).as("post.logout.redirect.uris").doesNotContain("*");
        assertThat(console.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(console.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
    }

    private static int passwordGrant(String username, String password) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(
                        URI.create(Stack.KEYCLOAK + "/realms/childalert/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Api.form(Map.of("grant_type", "password",
                        "client_id", "console", "username", username, "password", password))))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
