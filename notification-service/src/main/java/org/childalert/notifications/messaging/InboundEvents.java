package org.childalert.notifications.messaging;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.childalert.events.EventType;
import org.childalert.events.IntegrationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where an event from the broker becomes a call into this service: decodes it by its {@code ce-type},
 * skips types this service does not know, and runs the handler in one transaction together with the
 * record of its event id, so that a redelivered event has no second effect. A handler that throws rolls
 * everything back; the binder retries and finally dead-letters the message.
 */
@Component
class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);
    static final String CONSUMER = "notification-service";

    private final EventJson json;
    private final ProcessedEvents processed;
    private final TransactionTemplate transactions;

    InboundEvents(EventJson json, ProcessedEvents processed, TransactionTemplate transactions) {
        this.json = json;
        this.processed = processed;
        this.transactions = transactions;
    }

    Optional<IntegrationEvent> decode(Message<byte[]> message) {
        String typeHeader = CloudEventMessageUtils.getType(message);
        if (typeHeader == null) {
            throw new IllegalArgumentException("Message without a CloudEvents type header");
        }
        Optional<EventType> type = EventType.ofTypeName(typeHeader);
        if (type.isEmpty()) {
            log.debug("Ignoring event type {} that this service does not handle", typeHeader);
            return Optional.empty();
        }
        return Optional.of(json.read(message.getPayload(), type.get().recordType()));
    }

    /** Runs the handler once per event id, in one transaction with the record of that id. */
    <E extends IntegrationEvent> void handleOnce(E event, Consumer<E> handler) {
        transactions.executeWithoutResult(status -> {
            UUID eventId = event.eventId();
            if (processed.firstDelivery(CONSUMER, eventId)) {
                handler.accept(event);
            } else {
                log.info("Event {} ({}) already handled; redelivery ignored", eventId, event.getClass().getSimpleName());
            }
        });
    }
}
