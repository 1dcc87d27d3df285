package org.childalert.twiliofake;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpServer;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class StatusCallbacksTests {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    private static final String AUTH_TOKEN = "dev-twilio-auth-token";

    private final List<Callback> callbacks = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private WireMockServer fake;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.stop();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void sendsQueuedSentAndDeliveredInOrderSignedAsTwilioSignsThem() throws IOException {
        String statusCallback = start(settings(0, 0, 1L));

        Message message = send("+32470123456", statusCallback);

        await().atMost(Duration.ofSeconds(10)).until(() -> callbacks.size() >= 3);
        assertThat(callbacks).extracting(c -> c.form().get("MessageStatus")).containsExactly("queued", "sent", "delivered");
        RequestValidator twilio = new RequestValidator(AUTH_TOKEN);
        RequestValidator otherAccount = new RequestValidator("another-auth-token");
        for (Callback callback : callbacks) {
            assertThat(callback.form()).containsEntry("MessageSid", message.getSid())
                    .containsEntry("AccountSid", ACCOUNT_SID)
                    .containsEntry("To", "+32470123456")
                    .containsEntry("From", "+32460000000")
                    .doesNotContainKey("ErrorCode");
            assertThat(twilio.validate(statusCallback, callback.form(), callback.signature())).isTrue();
            assertThat(otherAccount.validate(statusCallback, callback.form(), callback.signature())).isFalse();
        }
    }

    @Test
    void signsOverTheFullCallbackUrlWithItsQueryString() throws IOException {
        String statusCallback = start(settings(0, 0, 1L)) + "?deliveryId=42&attempt=1";

        send("+32470123456", statusCallback);

        await().atMost(Duration.ofSeconds(10)).until(() -> callbacks.size() >= 3);
        RequestValidator twilio = new RequestValidator(AUTH_TOKEN);
        assertThat(callbacks).allSatisfy(callback -> {
            assertThat(callback.query()).isEqualTo("deliveryId=42&attempt=1");
            assertThat(twilio.validate(statusCallback, callback.form(), callback.signature())).isTrue();
        });
    }

    @Test
    void reportsTheReservedTestNumbersAsUndeliveredOrFailedWithTwiliosErrorCodes() throws IOException {
        String statusCallback = start(settings(0, 0, 1L));

        Message undelivered = send(StatusCallbacks.ALWAYS_UNDELIVERED_30003, statusCallback);
        Message failed = send(StatusCallbacks.ALWAYS_FAILED_30008, statusCallback);

        await().atMost(Duration.ofSeconds(10)).until(() -> callbacks.size() >= 5);
        assertThat(statuses(undelivered.getSid())).containsExactly("queued", "sent", "undelivered:30003");
        assertThat(statuses(failed.getSid())).containsExactly("queued", "failed:30008");
    }

    @Test
    void sendsNoCallbackForAMessageWithoutStatusCallback() throws Exception {
        String statusCallback = start(settings(0, 0, 1L));

        send("+32470123456", null);
        send("+32470123457", statusCallback);

        await().atMost(Duration.ofSeconds(10)).until(() -> callbacks.size() >= 3);
        // and none arrives for the first message afterwards
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(callbacks).extracting(c -> c.form().get("To")).containsOnly("+32470123457"));
    }

    @Test
    void drawsTheConfiguredSharesOfUndeliveredAndFailedMessagesReproduciblyFromTheSeed() {
        StatusCallbacks callbacks = new StatusCallbacks(settings(30, 20, 17L));
        List<String> outcomes = finalStatuses(callbacks, 1000);

        assertThat(outcomes.stream().filter("failed:30008"::equals).count()).isBetween(150L, 250L);
        assertThat(outcomes.stream().filter(s -> s.startsWith("undelivered:")).count()).isBetween(250L, 350L);
        assertThat(outcomes).contains("undelivered:30003", "undelivered:30005");
        assertThat(outcomes.stream().filter("delivered"::equals).count()).isBetween(450L, 550L);
        assertThat(finalStatuses(new StatusCallbacks(settings(30, 20, 17L)), 1000)).isEqualTo(outcomes);
    }

    @Test
    void deliversEveryMessageWhenNoFailuresAreConfigured() {
        assertThat(finalStatuses(new StatusCallbacks(settings(0, 0, null)), 500)).containsOnly("delivered");
    }

    @Test
    void refusesSharesThatAddUpToMoreThanAllMessages() {
        assertThatThrownBy(() -> settings(70, 40, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TWILIO_FAKE_UNDELIVERED_PERCENT and TWILIO_FAKE_FAILED_PERCENT");
    }

    @Test
    void readsItsSettingsFromTheEnvironment() {
        CallbackSettings settings = CallbackSettings.fromEnvironment(Map.of("TWILIO_FAKE_AUTH_TOKEN", "token-from-env",
                "TWILIO_FAKE_DELIVERED_MS", "3000", "TWILIO_FAKE_UNDELIVERED_PERCENT", "5",
                "TWILIO_FAKE_FAILED_PERCENT", "2", "TWILIO_FAKE_SEED", "7"));

        assertThat(settings).isEqualTo(new CallbackSettings("token-from-env", Duration.ofMillis(100),
                Duration.ofMillis(500), Duration.ofMillis(3000), 5, 2, 7L));
        assertThat(CallbackSettings.fromEnvironment(Map.of()).authToken()).isEqualTo(AUTH_TOKEN);
    }

    private static List<String> finalStatuses(StatusCallbacks callbacks, int messages) {
        return java.util.stream.IntStream.range(0, messages)
                .mapToObj(i -> callbacks.plan(String.format("+324700%05d", i)))
                .map(steps -> steps.get(steps.size() - 1))
                .map(step -> step.errorCode() == null ? step.status() : step.status() + ":" + step.errorCode())
                .toList();
    }

    private List<String> statuses(String sid) {
        return callbacks.stream().filter(c -> sid.equals(c.form().get("MessageSid")))
                .map(c -> c.form().containsKey("ErrorCode")
                        ? c.form().get("MessageStatus") + ":" + c.form().get("ErrorCode")
                        : c.form().get("MessageStatus"))
                .toList();
    }

    private static CallbackSettings settings(int undeliveredPercent, int failedPercent, Long seed) {
        return new CallbackSettings(AUTH_TOKEN, Duration.ZERO, Duration.ofMillis(50), Duration.ofMillis(100),
                undeliveredPercent, failedPercent, seed);
    }

    /** Starts the receiver of callbacks and the fake (the repository's stubs plus the extension); the callback URL. */
    private String start(CallbackSettings settings) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/api/webhooks/twilio/status", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            callbacks.add(new Callback(exchange.getRequestHeaders().getFirst("X-Twilio-Signature"),
                    exchange.getRequestURI().getRawQuery(), StatusCallbacks.form(body)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        fake = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .usingFilesUnderDirectory(Path.of("").toAbsolutePath().toString())
                .globalTemplating(true)
                .extensions(new StatusCallbacks(settings)));
        fake.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/api/webhooks/twilio/status";
    }

    /** Creates a message through the Twilio SDK, as notification-service does, at the fake. */
    private Message send(String to, String statusCallback) {
        TwilioRestClient client = new TwilioRestClient.Builder(ACCOUNT_SID, AUTH_TOKEN)
                .httpClient(new RebasingHttpClient("http://127.0.0.1:" + fake.port()))
                .build();
        var creator = Message.creator(new PhoneNumber(to), new PhoneNumber("+32460000000"), "Child Alert: test");
        if (statusCallback != null) {
            creator.setStatusCallback(URI.create(statusCallback));
        }
        return creator.create(client);
    }

    private record Callback(String signature, String query, Map<String, String> form) {
    }

    /** The SDK's HTTP client, sending what it addresses to https://api.twilio.com to the fake instead. */
    private static final class RebasingHttpClient extends NetworkHttpClient {

        private static final String TWILIO_API = "https://api.twilio.com";
        private final String baseUrl;

        RebasingHttpClient(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        @Override
        public Response makeRequest(Request original) {
            Request request = new Request(original.getMethod(), baseUrl + original.getUrl().substring(TWILIO_API.length()));
            copy(original.getQueryParams(), request::addQueryParam);
            copy(original.getPostParams(), request::addPostParam);
            copy(original.getHeaderParams(), request::addHeaderParam);
            if (original.getAuthStrategy() != null) {
                request.setAuth(original.getAuthStrategy());
            } else {
                request.setAuth(original.getUsername(), original.getPassword());
            }
            request.setContentType(original.getContentType());
            return super.makeRequest(request);
        }

        private static void copy(Map<String, List<String>> params, BiConsumer<String, String> add) {
            params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
        }
    }
}
