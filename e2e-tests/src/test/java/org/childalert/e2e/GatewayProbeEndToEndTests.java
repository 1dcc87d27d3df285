package org.childalert.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe of issue 13, kept: every operation of the three OpenAPI documents through the gateway, with no token,
 * then as each role with malformed JSON, wrong types and a 3 MB body, sent in a row over one pooled HTTP/1.1
 * connection. A rejected request must never turn the next caller's request into a 5xx (a stale pooled connection
 * between gateway and service), and no caller's mistake is a 5xx: 0 answers of 5xx.
 */
class GatewayProbeEndToEndTests {

    private static final List<String> USERS = List.of("alice", "bob", "carol", "admin");
    private static final String THREE_MB = "{\"description\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    @Test
    void noRequestOfTheProbeGetsA5xxOnOnePooledConnection() throws Exception {
        // one thread, HTTP/1.1, sequential sends: the client's pool keeps reusing the same keep-alive connection
        HttpClient pooled = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newSingleThreadExecutor())
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String user : USERS) {
            tokens.put(user, Api.as(user).token());
        }
        List<OpenApiOperations.Operation> operations = OpenApiOperations.all();
        int sent = 0;
        List<String> serverErrors = new ArrayList<>();
        List<String> transportErrors = new ArrayList<>();
        Map<String, Integer> worst = new TreeMap<>();
        for (OpenApiOperations.Operation operation : operations) {
            List<Probe> probes = new ArrayList<>();
            probes.add(new Probe("no token", null, operation.callablePath(null), body(operation, "{}"), json(operation)));
            for (String user : USERS) {
                String token = tokens.get(user);
                probes.add(new Probe(user + " malformed", token, operation.callablePath(null),
                        body(operation, "{\"name\": \"unterminated"), json(operation)));
                probes.add(new Probe(user + " wrong types", token, operation.callablePath("not-a-uuid"),
                        body(operation, "{\"radiusKm\":\"far\",\"level\":42,\"channels\":\"SMS\",\"child\":[],"
                                + "\"consent\":\"yes\",\"zoneId\":{},\"outcome\":1,\"description\":false}"), json(operation)));
                probes.add(new Probe(user + " 3 MB", token, operation.callablePath(null), THREE_MB, "application/json"));
            }
            for (Probe probe : probes) {
                sent++;
                String label = operation.key() + " [" + probe.name() + "]";
                try {
                    HttpResponse<String> response = pooled.send(probe.request(operation.method()),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() >= 500) {
                        serverErrors.add(label + ": " + response.statusCode() + " " + abbreviate(response.body()));
                        worst.merge(operation.key(), 1, Integer::sum);
                    }
                } catch (IOException e) {
                    transportErrors.add(label + ": " + e);
                }
            }
        }
        System.out.println("Gateway probe: " + operations.size() + " operations, " + sent + " requests, "
                + serverErrors.size() + " answers of 5xx, " + transportErrors.size() + " transport errors");
        worst.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(entry -> System.out.println("  5xx x" + entry.getValue() + "  " + entry.getKey()));
        serverErrors.stream().limit(40).forEach(line -> System.out.println("  " + line));
        transportErrors.stream().limit(20).forEach(line -> System.out.println("  transport: " + line));
        assertThat(serverErrors).as("answers of 5xx to the probe").isEmpty();
    }

    private static String body(OpenApiOperations.Operation operation, String json) {
        return operation.hasBody() ? json : null;
    }

    private static String json(OpenApiOperations.Operation operation) {
        return operation.hasBody() ? "application/json" : null;
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }

    private record Probe(String name, String token, String path, String body, String contentType) {

        HttpRequest request(String method) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Stack.GATEWAY + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json, application/problem+json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            return builder.build();
        }
    }

}
