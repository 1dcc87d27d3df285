package org.childalert.kit.messaging;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox ({@code outbox_event}, created by each service's migrations): an event is recorded in
 * the same database transaction as the state change that caused it, and published to RabbitMQ by the
 * {@link OutboxRelay} once that transaction has committed. If the broker is down, the event waits in the table;
 * nothing is lost and nothing half-written.
 *
 * <p>Features do not call it: they publish their integration event with Spring's {@code ApplicationEventPublisher}
 * inside their transaction, and this synchronous listener takes every event of the {@link EventCatalogue}'s type.
 * There must be a transaction. A transaction's events are collected and inserted in one JDBC batch just before it
 * commits (still inside it): a fan-out records hundreds of events per transaction, and one round trip per event
 * made recording the slowest step. A transaction suspended for another ({@code REQUIRES_NEW}) keeps its own
 * events: they hang on the transaction's synchronizations, which Spring suspends with it.
 */
public final class Outbox implements GenericApplicationListener {

    private final NamedParameterJdbcTemplate jdbc;
    private final EventCatalogue<?> catalogue;
    private final EventJson json;
    private final OutboxRelay relay;
    private final TraceContexts traces;

    Outbox(NamedParameterJdbcTemplate jdbc, EventCatalogue<?> catalogue, EventJson json, OutboxRelay relay,
           TraceContexts traces) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.json = json;
        this.relay = relay;
        this.traces = traces;
    }

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        return PayloadApplicationEvent.class.isAssignableFrom(eventType.toClass())
                && catalogue.eventType().isAssignableFrom(eventType.as(PayloadApplicationEvent.class).getGeneric().toClass());
    }

    @Override
    public void onApplicationEvent(ApplicationEvent applicationEvent) {
        if (applicationEvent instanceof PayloadApplicationEvent<?> payload && catalogue.eventType().isInstance(payload.getPayload())) {
            record(payload.getPayload());
        }
    }

    /** Records the event in the publisher's transaction, written when it commits; there must be one. */
    public void record(Object event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalTransactionStateException("An event is recorded in the transaction of the change that "
                    + "caused it, and there is none: " + event.getClass().getSimpleName());
        }
        // the trace is the publisher's, known only here: the rows are written later, maybe from another span
        eventsOfThisTransaction().add(new RecordedEvent(event, traces.currentTraceparent()));
    }

    private List<RecordedEvent> eventsOfThisTransaction() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof PendingEvents pending && pending.outbox() == this) {
                return pending.events();
            }
        }
        PendingEvents pending = new PendingEvents(this, new ArrayList<>());
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending.events();
    }

    private void insert(List<RecordedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        // recorded_at orders the relay's work; the rows of one batch could share a microsecond of clock_timestamp(),
        // so each is a microsecond after the one before it and the events go out in the order they were published
        SqlParameterSource[] rows = new SqlParameterSource[events.size()];
        for (int position = 0; position < rows.length; position++) {
            rows[position] = row(events.get(position)).addValue("position", position);
        }
        jdbc.batchUpdate("""
                insert into outbox_event (event_id, type_name, exchange, subject_id, payload, occurred_at, traceparent,
                                          recorded_at)
                values (:eventId, :typeName, :exchange, :subjectId, cast(:payload as jsonb), :occurredAt, :traceparent,
                        clock_timestamp() + :position * interval '1 microsecond')
                """, rows);
    }

    /**
     * The one place an event becomes an outbox row. Whatever else must travel with the event and is known only
     * now, in the publisher's thread (the trace context, {@code traceparent}), is added here as a column,
     * and turned into a header again in {@link OutboxRelay}'s {@code toMessage}.
     */
    private MapSqlParameterSource row(RecordedEvent recorded) {
        Object event = recorded.event();
        EventFacts facts = catalogue.factsOf(event);
        return new MapSqlParameterSource()
                .addValue("eventId", facts.eventId())
                .addValue("typeName", facts.typeName())
                .addValue("exchange", facts.exchange())
                .addValue("subjectId", facts.subjectId())
                .addValue("payload", json.write(event))
                .addValue("occurredAt", Timestamp.from(facts.occurredAt()))
                .addValue("traceparent", recorded.traceparent());
    }

    /** An event and the trace it was published in (null outside any). */
    private record RecordedEvent(Object event, String traceparent) {
    }

    /** The events one transaction published, inserted before it commits; the relay nudged after it did. */
    private record PendingEvents(Outbox outbox, List<RecordedEvent> events) implements TransactionSynchronization {

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
