package org.childalert.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays Twilio calling the platform's webhooks through the gateway: an SMS someone sent to our number, signed
 * with {@code X-Twilio-Signature} as Twilio signs it (HMAC-SHA1 with the account's auth token over the public
 * URL followed by the form parameters sorted by name), using the dev stack's demo auth token.
 */
final class TwilioWebhooks {

    /** The dev stack's Twilio auth token (docs/local-stack.md); a real account's token is a secret. */
    private static final String AUTH_TOKEN = "dev-twilio-auth-token";
    private static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TwilioWebhooks() {
    }

    /** An SMS from {@code from} to the platform; returns the TwiML answer's status and body. */
    static Api.Response incomingSms(String from, String body) throws Exception {
        return incomingSms(from, body, AUTH_TOKEN);
    }

    /** The same, signed with another token: what a forger who does not know ours would send. */
    static Api.Response incomingSmsWithBadSignature(String from, String body) throws Exception {
        return incomingSms(from, body, "not-our-auth-token");
    }

    /** A delivery status callback for a message, signed with the given token (null: no signature header). */
    static Api.Response statusCallback(String messageSid, String status, String authToken) throws Exception {
        Map<String, String> form = new TreeMap<>(Map.of(
                "MessageSid", messageSid,
                "AccountSid", ACCOUNT_SID,
                "MessageStatus", status));
        String url = Stack.GATEWAY + "/api/webhooks/twilio/status";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Api.form(form)));
        if (authToken != null) {
            request.header("X-Twilio-Signature", signature(url, form, authToken));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Api.Response(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
    }

    private static Api.Response incomingSms(String from, String body, String authToken) throws Exception {
        Map<String, String> form = new TreeMap<>(Map.of(
                "MessageSid", "SM" + Long.toHexString(System.nanoTime()) + "e2e",
                "AccountSid", ACCOUNT_SID,
                "From", from,
                "To", "+3225550100",
                "Body", body));
        String url = Stack.GATEWAY + "/api/webhooks/twilio/inbound";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature(url, form, authToken))
                .POST(HttpRequest.BodyPublishers.ofString(Api.form(form)))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new Api.Response(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
    }

    private static String signature(String url, Map<String, String> sortedForm, String authToken) throws Exception {
        StringBuilder signed = new StringBuilder(url);
        sortedForm.forEach((name, value) -> signed.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
