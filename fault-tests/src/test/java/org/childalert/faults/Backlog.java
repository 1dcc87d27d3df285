package org.childalert.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * What is still waiting, read straight from the machine's PostgreSQL (port 5432, not through the proxy) and from
 * RabbitMQ's management API: unpublished outbox rows, deliveries not yet final, dead-lettered messages, and the alerts
 * made of each case.
 */
final class Backlog {

    private static final List<String> DATABASES = List.of("cases", "alerts", "notifications");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private Backlog() {
    }

    /** Unpublished outbox rows per database (0 everywhere: every event left its service). */
    static Map<String, Integer> unpublishedOutbox() throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String database : DATABASES) {
            try (Connection connection = connect(database);
                 ResultSet rows = connection.createStatement()
                         .executeQuery("select count(*) from outbox_event where published_at is null")) {
                rows.next();
                counts.put(database, rows.getInt(1));
            }
        }
        return counts;
    }

    /** Deliveries of these alerts that are not final yet (PENDING or SENDING). */
    static int unfinishedDeliveries(Collection<String> alertIds) throws SQLException {
        return countDeliveries(alertIds, "state in ('PENDING', 'SENDING')");
    }

    /** Deliveries of these alerts claimed by a dispatcher and not recorded: what a kill -9 may send twice. */
    static int sendingDeliveries(Collection<String> alertIds) throws SQLException {
        return countDeliveries(alertIds, "state = 'SENDING'");
    }

    /** Deliveries of these alerts that failed for good. */
    static int failedDeliveries(Collection<String> alertIds) throws SQLException {
        return countDeliveries(alertIds, "state = 'FAILED'");
    }

    /** How many alerts alert-service holds for a case: exactly one per escalation. */
    static int alertsOfCase(String caseId) throws SQLException {
        try (Connection connection = connect("alerts");
             PreparedStatement query = connection.prepareStatement("select count(*) from alert where case_id = ?")) {
            query.setObject(1, UUID.fromString(caseId));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Messages in the dead-letter queues (name ends in .dlq) of the stack's vhost. */
    static Map<String, Integer> deadLettered() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(LocalStack.RABBITMQ_MANAGEMENT + "/api/queues/%2F?columns=name,messages"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("RabbitMQ management API: " + response.statusCode() + " " + response.body());
        }
        Map<String, Integer> depths = new LinkedHashMap<>();
        for (JsonNode queue : Api.JSON.readTree(response.body())) {
            String name = queue.get("name").asText();
            if (name.endsWith(".dlq")) {
                depths.put(name, queue.path("messages").asInt(0));
            }
        }
        return depths;
    }

    private static int countDeliveries(Collection<String> alertIds, String condition) throws SQLException {
        try (Connection connection = connect("notifications");
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from delivery where alert_id = any(?) and " + condition)) {
            query.setArray(1, connection.createArrayOf("uuid", alertIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "childalert", "childalert");
    }
}
