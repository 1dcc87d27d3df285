package org.childalert.notifications.messaging;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent-consumer record: the ids of the events this service has handled, written in the same
 * transaction as the handler's effect. A redelivered event finds its id already there and does nothing.
 */
@Component
class ProcessedEvents {

    private final JdbcClient jdbc;

    ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time this consumer sees the event; false for a redelivery. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean firstDelivery(String consumer, UUID eventId) {
        return jdbc.sql("""
                insert into processed_event (consumer, event_id) values (:consumer, :eventId)
                on conflict do nothing
                """)
                .param("consumer", consumer)
                .param("eventId", eventId)
                .update() == 1;
    }
}
