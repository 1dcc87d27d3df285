package org.childalert.kit.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gauges an operator alerts on: the outbox's unpublished events and the age of the oldest, and the messages
 * waiting in the service's dead-letter queue, read from PostgreSQL and RabbitMQ at each scrape.
 */
@SpringBootTest(classes = MessagingMetricsIntegrationTests.Service.class, properties = {
        "spring.application.name=kit-metrics-tests",
        "spring.cloud.stream.output-bindings=publishedEvents",
        "spring.cloud.stream.bindings.publishedEvents.destination=kit.metrics-events",
        "spring.cloud.stream.bindings.somethingElse-in-0.destination=kit.metrics-input",
        "spring.cloud.stream.bindings.somethingElse-in-0.group=kit-metrics-tests",
        "childalert.outbox.poll-interval=1h" })
class MessagingMetricsIntegrationTests {

    private static final String DEAD_LETTERS = "kit.metrics-input.kit-metrics-tests.dlq";

    @Autowired
    MeterBinder messagingMetrics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AmqpAdmin admin;

    @Autowired
    RabbitTemplate rabbit;

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void emptyOutboxAndDeadLetterQueue() {
        jdbc.sql("delete from outbox_event").update();
        admin.deleteQueue(DEAD_LETTERS);
        admin.declareQueue(new Queue(DEAD_LETTERS, false, false, false));
        messagingMetrics.bindTo(meters);
    }

    @Test
    void theOutboxDepthAndItsOldestEventsAgeAndTheDeadLetterMessages() {
        assertThat(gauge("childalert.outbox.depth")).isZero();
        assertThat(gauge("childalert.outbox.oldest.age")).isZero();
        assertThat(gauge("childalert.dead.letter.messages")).isZero();

        unpublished(Instant.now().minusSeconds(90));
        unpublished(Instant.now().minusSeconds(5));
        rabbit.convertAndSend("", DEAD_LETTERS, "{}");
        rabbit.convertAndSend("", DEAD_LETTERS, "{}");

        assertThat(gauge("childalert.outbox.depth")).isEqualTo(2.0);
        assertThat(gauge("childalert.outbox.oldest.age")).isBetween(90.0, 150.0);
        assertThat(meters.get("childalert.dead.letter.messages").tag("queue", DEAD_LETTERS)
                .tag("service", "kit-metrics-tests").gauge().value()).isEqualTo(2.0);
    }

    private double gauge(String name) {
        return meters.get(name).tag("service", "kit-metrics-tests").gauge().value();
    }

    private void unpublished(Instant recordedAt) {
        jdbc.sql("""
                insert into outbox_event (event_id, type_name, exchange, subject_id, payload, occurred_at, recorded_at)
                values (:id, 'kit.Waiting.v1', 'kit.metrics-events', :id, '{}', :at, :at)
                """).param("id", UUID.randomUUID()).param("at", java.sql.Timestamp.from(recordedAt)).update();
    }

    record Waiting(UUID eventId) {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Service {

        @Bean
        EventCatalogue<Waiting> eventCatalogue() {
            return new EventCatalogue<>(Waiting.class, Map.of("kit.Waiting.v1", Waiting.class),
                    event -> new EventFacts(event.eventId(), "kit.Waiting.v1", "kit.metrics-events", event.eventId(),
                            Instant.now()));
        }
    }
}
