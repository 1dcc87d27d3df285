package org.childalert.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 2 (High): the public photo link answered 302 to whatever URL an alert update set, and Keycloak took any
 * redirect_uri under http://localhost:8080/* for the console client: together, an authorization code thief.
 */
class PhotoRedirectAbuseEndToEndTests {

    private static final HttpClient NO_REDIRECTS = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    /** The gateway's registered callback: {baseUrl}/login/oauth2/code/{registrationId}. */
    private static final String CALLBACK = Stack.GATEWAY + "/login/oauth2/code/keycloak";

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    @Test
    void refusesAnUpdateThatPointsThePhotoAtAnExternalUrlAndThePhotoLinkNeverRedirects() throws Exception {
        Api alice = Api.as("alice");
        String alertId = Scenarios.activeAlert(alice, Api.as("bob"), Scenarios.LIEGE_LAT, Scenarios.LIEGE_LON,
                "Liège-Guillemins", 5);

        Api.Response update = alice.post("/api/alerts/" + alertId + "/updates", """
                {"photo":{"url":"https://attacker.example/steal","mimeType":"image/jpeg"}}
                """);
        assertThat(update.status()).as("an external photo URL must be refused: " + update).isBetween(400, 499);

        HttpResponse<String> photo = NO_REDIRECTS.send(HttpRequest.newBuilder(
                URI.create(Stack.GATEWAY + "/api/feeds/alerts/" + alertId + "/photo")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(photo.statusCode() / 100).as("the photo link answered " + photo.statusCode() + " "
                + photo.headers().firstValue("Location").orElse("")).isNotEqualTo(3);
        assertThat(photo.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void keycloakRefusesTheConsoleAuthorizationWithThePhotoLinkAsRedirectUri() throws Exception {
        HttpResponse<String> foreign = authorize(Stack.GATEWAY + "/api/feeds/alerts/00000000-0000-0000-0000-000000000000/photo");
        assertThat(foreign.statusCode()).as("a redirect_uri other than the gateway's callback must be refused: "
                + foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).doesNotContain("id=\"kc-form-login\"");

        HttpResponse<String> callback = authorize(CALLBACK);
        assertThat(callback.statusCode()).as("the registered callback still gets the login page").isEqualTo(200);
        assertThat(callback.body()).contains("kc-form-login");
    }

    private static HttpResponse<String> authorize(String redirectUri) throws Exception {
        String url = Stack.KEYCLOAK + "/realms/childalert/protocol/openid-connect/auth?client_id=console"
                + "&response_type=code&scope=openid&response_mode=fragment&state=s&nonce=n"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
        return NO_REDIRECTS.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
