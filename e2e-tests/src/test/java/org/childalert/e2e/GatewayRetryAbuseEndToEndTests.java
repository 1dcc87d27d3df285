package org.childalert.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finding 1 (High): the gateway re-sent a request after the Retry-After of a 429, POSTs included, so the
 * fourth "send the code again" (Retry-After: 3600) parked a gateway thread for an hour and then replayed the POST.
 */
class GatewayRetryAbuseEndToEndTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    @Test
    void theFourthResendOfAVerificationCodeAnswers429AtOnceAndTheGatewayKeepsAnswering() throws Exception {
        try (ThrowawayUser user = ThrowawayUser.create("resender", "volunteer", Map.of())) {
            Api volunteer = user.api();
            String phone = Scenarios.uniqueMobile();
            // sign up (1 code), then ask again until the verification limit answers 429 (the 4th code at the
            // latest; sooner if a per-client or overall limit is already used up on this stack)
            String volunteerId = null;
            HttpResponse<String> limited = null;
            Duration took = null;
            int codesAsked = 0;
            for (int call = 0; call < 6 && limited == null; call++) {
                boolean signUp = volunteerId == null;
                String path = signUp ? "/api/volunteers" : "/api/volunteers/" + volunteerId + "/verifications/SMS";
                String body = signUp ? """
                        {"name":"Resending Volunteer","phone":"%s","language":"en","channels":["SMS"],
                         "home":{"latitude":50.40,"longitude":4.10},"radiusKm":1,"consent":true}
                        """.formatted(phone) : "";
                long start = System.nanoTime();
                CompletableFuture<HttpResponse<String>> answer = HTTP.sendAsync(HttpRequest.newBuilder(
                                URI.create(Stack.GATEWAY + path))
                        .timeout(Duration.ofSeconds(15))
                        .header("Authorization", "Bearer " + volunteer.token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (codesAsked >= 3) {
                    // meanwhile the gateway answers someone else
                    Api.Response other = Api.anonymous().send("GET", "/api/feeds/alerts.atom", null, null,
                            "Accept", "application/atom+xml");
                    assertThat(other.status()).as(other.toString()).isEqualTo(200);
                }
                HttpResponse<String> response;
                try {
                    response = answer.get(20, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw new AssertionError("Code request " + (codesAsked + 1) + " got no answer within 15 s: the "
                            + "gateway waits on the Retry-After instead of passing the 429 on (" + e.getCause() + ")", e);
                }
                codesAsked++;
                if (response.statusCode() == 429) {
                    limited = response;
                    took = Duration.ofNanos(System.nanoTime() - start);
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(signUp ? 201 : 202);
                    if (signUp) {
                        volunteerId = Api.JSON.readTree(response.body()).get("id").asText();
                    }
                }
            }
            assertThat(limited).as("a 429 within 6 code requests for one number").isNotNull();
            System.out.println("Code request " + codesAsked + ": 429 in " + took.toMillis() + " ms");
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            int sent = TwilioFake.messagesTo(phone).size();
            // the refused POST was not replayed: no more codes at the fake a moment later
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                    assertThat(TwilioFake.messagesTo(phone)).hasSize(sent).hasSizeLessThanOrEqualTo(3));
            if (volunteerId != null) {
                volunteer.delete("/api/volunteers/" + volunteerId);
            }
        }
    }
}
