package org.childalert.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** What the Twilio SDK sent to the Twilio fake (WireMock's request journal). */
final class TwilioFake {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TwilioFake() {
    }

    record Sms(String to, String body, String statusCallback) {
    }

    static List<Sms> messagesTo(String phone) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(Stack.TWILIO_FAKE + "/__admin/requests?limit=5000")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        List<Sms> found = new ArrayList<>();
        for (JsonNode served : Api.JSON.readTree(response.body()).get("requests")) {
            JsonNode request = served.get("request");
            if (!"POST".equals(request.get("method").asText()) || !request.get("url").asText().endsWith("/Messages.json")) {
                continue;
            }
            Map<String, String> form = parseForm(request.get("body").asText());
            if (phone.equals(form.get("To"))) {
                found.add(new Sms(form.get("To"), form.get("Body"), form.get("StatusCallback")));
            }
        }
        return found;
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
