package org.childalert.notifications.messaging;

import java.sql.Timestamp;

import org.childalert.events.EventType;
import org.childalert.events.IntegrationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: an event is recorded in the same database transaction as the state change
 * that caused it, and published to RabbitMQ by the {@link OutboxRelay} once that transaction has committed.
 * If the broker is down, the event waits in the table; nothing is lost and nothing half-written.
 *
 * <p>Features do not call it: they publish the integration event with Spring's
 * {@code ApplicationEventPublisher} inside their transaction, and this synchronous listener records it
 * there. So the features never depend on the messaging package, which depends on them.
 */
@Component
class Outbox {

    private final JdbcClient jdbc;
    private final EventJson json;
    private final OutboxRelay relay;

    Outbox(JdbcClient jdbc, EventJson json, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
    }

    /** Records the event in the publisher's transaction; there must be one. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void record(IntegrationEvent event) {
        EventType type = EventType.of(event);
        jdbc.sql("""
                insert into outbox_event (event_id, type_name, exchange, subject_id, payload, occurred_at)
                values (:eventId, :typeName, :exchange, :subjectId, cast(:payload as jsonb), :occurredAt)
                """)
                .param("eventId", event.eventId())
                .param("typeName", type.typeName())
                .param("exchange", type.source().exchange())
                .param("subjectId", event.subjectId())
                .param("payload", json.write(event))
                .param("occurredAt", Timestamp.from(event.occurredAt()))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.publishSoon();
            }
        });
    }
}
