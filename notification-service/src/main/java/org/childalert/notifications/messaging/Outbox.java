package org.childalert.notifications.messaging;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.childalert.events.EventType;
import org.childalert.events.IntegrationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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
 *
 * <p>Unlike the other services' outboxes, this one collects a transaction's events and inserts them in one JDBC
 * batch just before that transaction commits (still inside it): the delivery engine records a
 * NotificationDispatched per message, hundreds per transaction, and one round trip per event made the recording
 * of outcomes the slowest step of a fan-out. A transaction suspended for another ({@code REQUIRES_NEW}) keeps its
 * own events: they hang on the transaction's synchronizations, which Spring suspends with it.
 */
@Component
class Outbox {

    private final NamedParameterJdbcTemplate jdbc;
    private final EventJson json;
    private final OutboxRelay relay;

    Outbox(NamedParameterJdbcTemplate jdbc, EventJson json, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
    }

    /** Records the event in the publisher's transaction, written when it commits; there must be one. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void record(IntegrationEvent event) {
        eventsOfThisTransaction().add(event);
    }

    private List<IntegrationEvent> eventsOfThisTransaction() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof PendingEvents pending && pending.outbox() == this) {
                return pending.events();
            }
        }
        PendingEvents pending = new PendingEvents(this, new ArrayList<>());
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending.events();
    }

    private void insert(List<IntegrationEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = events.stream().map(event -> {
            EventType type = EventType.of(event);
            return new MapSqlParameterSource()
                    .addValue("eventId", event.eventId())
                    .addValue("typeName", type.typeName())
                    .addValue("exchange", type.source().exchange())
                    .addValue("subjectId", event.subjectId())
                    .addValue("payload", json.write(event))
                    .addValue("occurredAt", Timestamp.from(event.occurredAt()));
        }).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("""
                insert into outbox_event (event_id, type_name, exchange, subject_id, payload, occurred_at)
                values (:eventId, :typeName, :exchange, :subjectId, cast(:payload as jsonb), :occurredAt)
                """, rows);
    }

    /** The events one transaction published, inserted before it commits; the relay nudged after it did. */
    private record PendingEvents(Outbox outbox, List<IntegrationEvent> events) implements TransactionSynchronization {

        @Override
        public void beforeCommit(boolean readOnly) {
            outbox.insert(events);
        }

        @Override
        public void afterCommit() {
            outbox.relay.publishSoon();
        }
    }
}
