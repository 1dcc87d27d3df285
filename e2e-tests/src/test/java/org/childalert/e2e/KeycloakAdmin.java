package org.childalert.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Keycloak's admin REST API, as the master realm's bootstrap admin of the local stack (admin/admin, set by
 * bin/stack for this machine only): reads the childalert realm and its console client, and creates throwaway
 * users so that no test locks out or changes a demo user.
 */
final class KeycloakAdmin {

    static final String REALM = "childalert";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String token;

    private KeycloakAdmin(String token) {
        this.token = token;
    }

    static KeycloakAdmin master() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Api.form(Map.of("grant_type", "password",
                        "client_id", "admin-cli", "username", "admin", "password", "admin"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No master admin token: " + response.statusCode() + " " + response.body());
        }
        return new KeycloakAdmin(Api.JSON.readTree(response.body()).get("access_token").asText());
    }

    JsonNode realm() throws IOException, InterruptedException {
        return Api.JSON.readTree(call("GET", "", null).body());
    }

    JsonNode client(String clientId) throws IOException, InterruptedException {
        return Api.JSON.readTree(call("GET", "/clients?clientId=" + clientId, null).body()).get(0);
    }

    /**
     * A new enabled user with a password that satisfies any reasonable policy, the realm role given and the
     * attributes given; returns its id.
     */
    String createUser(String username, String password, String realmRole, Map<String, String> attributes)
            throws IOException, InterruptedException {
        StringBuilder attrs = new StringBuilder();
        attributes.forEach((name, value) -> attrs.append(attrs.isEmpty() ? "" : ",")
                .append('"').append(name).append("\":[\"").append(value).append("\"]"));
        HttpResponse<String> created = call("POST", "/users", """
                {"username":"%s","enabled":true,"emailVerified":true,"firstName":"Throwaway","lastName":"E2E",
                 "email":"%s@e2e.example","attributes":{%s},"requiredActions":[],
                 "credentials":[{"type":"password","value":"%s","temporary":false}]}
                """.formatted(username, username, attrs, password));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Could not create " + username + ": " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        if (realmRole != null) {
            JsonNode role = Api.JSON.readTree(call("GET", "/roles/" + realmRole, null).body());
            HttpResponse<String> mapped = call("POST", "/users/" + id + "/role-mappings/realm", "[" + role + "]");
            if (mapped.statusCode() / 100 != 2) {
                throw new IllegalStateException("Could not give " + realmRole + " to " + username + ": " + mapped.body());
            }
        }
        return id;
    }

    /** Creates a user without credentials and then tries to set a password: the answer of the password reset. */
    HttpResponse<String> setPasswordOfNewUser(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> created = call("POST", "/users", """
                {"username":"%s","enabled":true,"email":"%s@e2e.example","firstName":"Weak","lastName":"Password"}
                """.formatted(username, username));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Could not create " + username + ": " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        try {
            return call("PUT", "/users/" + id + "/reset-password",
                    "{\"type\":\"password\",\"value\":\"" + password + "\",\"temporary\":false}");
        } finally {
            deleteUser(id);
        }
    }

    void deleteUser(String id) throws IOException, InterruptedException {
        call("DELETE", "/users/" + id, null);
    }

    static String throwawayName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    HttpResponse<String> call(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Stack.KEYCLOAK + "/admin/realms/" + REALM + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
