package org.childalert.benchmarks.ceilings;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends what the Twilio SDK sends to create a message (a form-encoded POST with basic auth), with the JDK's HTTP
 * client: HTTP/1.1 with keep-alive, so N workers keep N connections open. No SDK in between.
 */
final class RawTwilioSenders implements ClosedLoopLoad.SenderFactory {

    private final HttpClient http;
    private final URI messages;
    private final String authorization;

    RawTwilioSenders(URI fakeBaseUrl) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.messages = fakeBaseUrl.resolve("/2010-04-01/Accounts/" + AlertSms.ACCOUNT_SID + "/Messages.json");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (AlertSms.ACCOUNT_SID + ":" + AlertSms.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ClosedLoopLoad.Sender open() {
        return sequence -> {
            HttpResponse<String> response = http.send(request(sequence), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
        };
    }

    HttpRequest request(long sequence) {
        return HttpRequest.newBuilder(messages)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formOf(sequence)))
                .build();
    }

    static String formOf(long sequence) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", AlertSms.recipient(sequence));
        form.put("From", AlertSms.FROM);
        form.put("Body", AlertSms.BODY);
        form.put("StatusCallback", AlertSms.STATUS_CALLBACK);
        return form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
