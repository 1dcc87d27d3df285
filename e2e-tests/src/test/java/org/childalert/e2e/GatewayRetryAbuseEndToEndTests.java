package org.childalert.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    @Test
    void theFourthResendOfAVerificationCodeAnswers429AtOnceAndTheGatewayKeepsAnswering() throws Exception {
        Api admin = Api.as("admin");
        String phone = Scenarios.uniqueMobile();
        Api.Response signedUp = Scenarios.signUp(admin, "SMS", phone, null);
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
        String resend = "/api/volunteers/" + signedUp.text("id") + "/verifications/SMS";
        for (int i = 0; i < 2; i++) {
            Api.Response again = admin.post(resend, "");
            assertThat(again.status()).as(again.toString()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(TwilioFake.messagesTo(phone)).hasSize(3));

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> fourth = client.sendAsync(HttpRequest.newBuilder(
                        URI.create(Stack.GATEWAY + resend))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + admin.token())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        // meanwhile the gateway answers someone else
        Api.Response other = Api.anonymous().send("GET", "/api/feeds/alerts.atom", null, null,
                "Accept", "application/atom+xml");
        assertThat(other.status()).as(other.toString()).isEqualTo(200);

        HttpResponse<String> limited;
        try {
            limited = fourth.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("The 4th resend got no answer within 15 s: the gateway waits on the "
                    + "Retry-After instead of passing the 429 on (" + e.getCause() + ")", e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("4th resend: " + limited.statusCode() + " in " + took.toMillis() + " ms");
        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        // the refused POST was not replayed: still three codes at the fake a moment later
        Thread.sleep(2000);
        assertThat(TwilioFake.messagesTo(phone)).hasSize(3);
    }
}
