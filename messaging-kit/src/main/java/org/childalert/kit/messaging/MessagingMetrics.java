package org.childalert.kit.messaging;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an operator watches of a service's messaging, read at each scrape from where the truth is (so every instance
 * reports the same and a restart forgets nothing), tagged with the service:
 * <ul>
 *   <li>{@code childalert_outbox_depth}: events recorded and not yet published (the broker unreachable, the relay
 *   stuck);</li>
 *   <li>{@code childalert_outbox_oldest_age_seconds}: how long the oldest of them has waited (0 when none);</li>
 *   <li>{@code childalert_dead_letter_messages} (tag {@code queue}): messages in each of the service's dead-letter
 *   queues ({@code <destination>.<group>.dlq}), by a passive declare; absent (NaN) while a queue does not exist.</li>
 * </ul>
 * Both outbox queries use the partial index of unpublished rows ({@code outbox_event_pending}).
 */
final class MessagingMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final AmqpAdmin amqp;
    private final String service;
    private final List<String> deadLetterQueues;

    MessagingMetrics(JdbcClient jdbc, AmqpAdmin amqp, String service, List<String> deadLetterQueues) {
        this.jdbc = jdbc;
        this.amqp = amqp;
        this.service = service;
        this.deadLetterQueues = List.copyOf(deadLetterQueues);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("childalert.outbox.depth", this, MessagingMetrics::outboxDepth)
                .description("Events recorded in the outbox and not yet published")
                .tag("service", service)
                .register(registry);
        Gauge.builder("childalert.outbox.oldest.age", this, MessagingMetrics::oldestPendingAgeSeconds)
                .description("How long the oldest unpublished outbox event has waited")
                .baseUnit("seconds")
                .tag("service", service)
                .register(registry);
        if (amqp != null) {
            for (String queue : deadLetterQueues) {
                Gauge.builder("childalert.dead.letter.messages", this, metrics -> metrics.messagesIn(queue))
                        .description("Messages in a dead-letter queue of the service: each one an event not handled")
                        .tag("service", service)
                        .tag("queue", queue)
                        .register(registry);
            }
        }
    }

    double outboxDepth() {
        return jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single();
    }

    double oldestPendingAgeSeconds() {
        return jdbc.sql("""
                select coalesce(extract(epoch from now() - min(recorded_at)), 0) from outbox_event
                where published_at is null
                """).query(Double.class).single();
    }

    double messagesIn(String queue) {
        QueueInformation information = amqp.getQueueInfo(queue);
        return information == null ? Double.NaN : information.getMessageCount();
    }
}
