package org.childalert.benchmarks.fanout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * The benchmark's side of the broker, in its own vhost: plays the alert-service, publishing one AlertIssued as it
 * does (the golden sample's JSON with fresh ids and times, the CloudEvents AMQP headers, routing key = type name,
 * persistent, publisher confirm, mandatory), and plays the alert-service's consumer of notification-service's events,
 * so that the service's outbox finds its events routable as on the stack, and counts them.
 */
final class AlertBroker implements AutoCloseable {

    static final String ALERTS_EXCHANGE = "alerts.events";
    static final String ALERT_ISSUED = "alerts.AlertIssued.v1";
    static final String NOTIFICATIONS_EXCHANGE = "notifications.events";

    private static final Pattern AREA = Pattern.compile(
            "\"area\"\\s*:\\s*\\{\\s*\"latitude\"\\s*:\\s*([-0-9.]+)\\s*,\\s*\"longitude\"\\s*:\\s*([-0-9.]+)\\s*,"
                    + "\\s*\"radiusKm\"\\s*:\\s*([0-9.]+)\\s*}");

    private final Connection connection;
    private final Channel consuming;
    private final Map<String, AtomicLong> serviceEvents = new ConcurrentHashMap<>();

    AlertBroker(FanOutSettings settings) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(settings.amqpHost());
        factory.setPort(settings.amqpPort());
        factory.setVirtualHost(settings.amqpVirtualHost());
        factory.setUsername("guest");
        factory.setPassword("guest");
        connection = factory.newConnection("fan-out benchmark");
        consuming = connection.createChannel();
        // as notification-service's producer binding declares it: durable topic exchange
        consuming.exchangeDeclare(NOTIFICATIONS_EXCHANGE, "topic", true);
        String queue = consuming.queueDeclare("notifications.events.fanout-bench", false, true, true, null).getQueue();
        consuming.queueBind(queue, NOTIFICATIONS_EXCHANGE, "#");
        consuming.basicConsume(queue, true, (tag, delivery) -> {
            Object type = delivery.getProperties().getHeaders() == null ? null
                    : delivery.getProperties().getHeaders().get("cloudEvents:type");
            serviceEvents.computeIfAbsent(String.valueOf(type), t -> new AtomicLong()).incrementAndGet();
        }, tag -> { });
    }

    /** The alert's area in the golden sample: where the benchmark seeds its recipients. */
    static Area areaOf(String goldenAlertIssued) {
        Matcher area = AREA.matcher(goldenAlertIssued);
        if (!area.find()) {
            throw new IllegalArgumentException("no area in the golden AlertIssued sample");
        }
        return new Area(Double.parseDouble(area.group(1)), Double.parseDouble(area.group(2)),
                Double.parseDouble(area.group(3)));
    }

    record Area(double latitude, double longitude, double radiusKm) {
    }

    /** The golden sample with this alert's ids and times: what the alert-service publishes on approval. */
    static String alertIssuedJson(String goldenAlertIssued, UUID eventId, UUID alertId, UUID caseId, Instant approval) {
        return goldenAlertIssued
                .replaceFirst("\"eventId\"\\s*:\\s*\"[^\"]*\"", "\"eventId\": \"" + eventId + "\"")
                .replaceFirst("\"occurredAt\"\\s*:\\s*\"[^\"]*\"", "\"occurredAt\": \"" + approval + "\"")
                .replaceFirst("\"alertId\"\\s*:\\s*\"[^\"]*\"", "\"alertId\": \"" + alertId + "\"")
                .replaceFirst("\"caseId\"\\s*:\\s*\"[^\"]*\"", "\"caseId\": \"" + caseId + "\"")
                .replaceFirst("\"expiresAt\"\\s*:\\s*\"[^\"]*\"",
                        "\"expiresAt\": \"" + approval.plus(Duration.ofHours(6)) + "\"");
    }

    static String readGoldenSample(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    /**
     * Publishes the AlertIssued and waits for the broker's confirm; returns the instant taken just before the
     * publish ("approval" for the benchmark). Fails when the message was unroutable (notification-service's queue
     * is not bound) or not confirmed.
     */
    Instant publishAlertIssued(String goldenAlertIssued, UUID alertId) throws IOException, InterruptedException,
            TimeoutException {
        UUID eventId = UUID.randomUUID();
        try (Channel publishing = connection.createChannel()) {
            publishing.confirmSelect();
            AtomicReference<String> returned = new AtomicReference<>();
            publishing.addReturnListener(message -> returned.set(message.getReplyText()));
            Instant approval = Instant.now();
            String json = alertIssuedJson(goldenAlertIssued, eventId, alertId, UUID.randomUUID(), approval);
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                    .contentType("application/json")
                    .deliveryMode(2)
                    .headers(Map.of(
                            "cloudEvents:specversion", "1.0",
                            "cloudEvents:id", eventId.toString(),
                            "cloudEvents:type", ALERT_ISSUED,
                            "cloudEvents:source", "/alert-service",
                            "cloudEvents:time", approval.toString(),
                            "cloudEvents:subject", alertId.toString()))
                    .build();
            publishing.basicPublish(ALERTS_EXCHANGE, ALERT_ISSUED, true, properties,
                    json.getBytes(StandardCharsets.UTF_8));
            publishing.waitForConfirmsOrDie(10_000);
            if (returned.get() != null) {
                throw new IllegalStateException("AlertIssued was unroutable (" + returned.get()
                        + "): notification-service's queue is not bound to " + ALERTS_EXCHANGE);
            }
            return approval;
        }
    }

    /** The events notification-service published so far, by type, e.g. "NotificationDispatched 100004". */
    String serviceEventCounts() {
        StringBuilder counts = new StringBuilder();
        serviceEvents.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> counts
                .append(counts.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %,d", entry.getKey(), entry.getValue().get())));
        return counts.length() == 0 ? "none" : counts.toString();
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
