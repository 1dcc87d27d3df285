package org.childalert.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the gateway, holding a real Keycloak access token got by the password grant (dev realm). */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String token;

    private Api(String token) {
        this.token = token;
    }

    static Api as(String username) throws IOException, InterruptedException {
        return as(username, username + "-pass");
    }

    /** A user other than the demo ones (created by a test through Keycloak's admin API). */
    static Api as(String username, String password) throws IOException, InterruptedException {
        String form = form(Map.of("grant_type", "password", "client_id", "console", "username", username,
                "password", password, "scope", "openid"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(Stack.KEYCLOAK + "/realms/childalert/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + username + ": " + response.statusCode() + " " + response.body());
        }
        return new Api(JSON.readTree(response.body()).get("access_token").asText());
    }

    static Api anonymous() {
        return new Api(null);
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Response post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** An image as the raw request body (a case's photo), bytes as they are. */
    Response putImage(String path, byte[] image, String contentType) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(image)));
    }

    Response delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    /** Any method, body and content type, with extra headers (name, value, name, value...). */
    Response send(String method, String path, String body, String contentType, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.setHeader(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    /** The bearer token, for tests that build their own requests (null when anonymous). */
    String token() {
        return token;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Stack.GATEWAY + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json, application/xml");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(""), response.headers().map());
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    record Response(int status, String body, String contentType, Map<String, java.util.List<String>> headers) {

        Response(int status, String body, String contentType) {
            this(status, body, contentType, Map.of());
        }

        /** The first value of a response header, case-insensitively; null when absent. */
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().isEmpty() ? null : e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        String text(String field) {
            return json().get(field).asText();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
