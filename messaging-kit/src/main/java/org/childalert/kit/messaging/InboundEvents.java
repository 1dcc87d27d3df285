package org.childalert.kit.messaging;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where an event from the broker becomes a call into a service: decodes it by its {@code ce-type}, skips types the
 * service's {@link EventCatalogue} does not know, and runs the handler in one transaction together with the
 * record of its event id, so that a redelivered event has no second effect. A handler that throws rolls
 * everything back; the binder retries and finally dead-letters the message.
 */
public final class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final EventCatalogue<?> catalogue;
    private final EventJson json;
    private final ProcessedEvents processed;
    private final TransactionTemplate transactions;
    private final String consumer;
    private final TraceContexts traces;

    InboundEvents(EventCatalogue<?> catalogue, EventJson json, ProcessedEvents processed,
                  TransactionTemplate transactions, String consumer, TraceContexts traces) {
        this.traces = traces;
        this.catalogue = catalogue;
        this.json = json;
        this.processed = processed;
        this.transactions = transactions;
        this.consumer = consumer;
    }

    /** The event the message carries, or empty for a type this service does not know. */
    public Optional<Object> decode(Message<byte[]> message) {
        String typeName = CloudEventMessageUtils.getType(message);
        if (typeName == null) {
            throw new IllegalArgumentException("Message without a CloudEvents type header");
        }
        Class<?> recordType = catalogue.recordTypes().get(typeName);
        if (recordType == null) {
            log.debug("Ignoring event type {} that this service does not handle", typeName);
            return Optional.empty();
        }
        return Optional.of(json.read(message.getPayload(), recordType));
    }

    /** Runs the handler once per event id, in one transaction with the record of that id. */
    public <E> void handleOnce(E event, Consumer<? super E> handler) {
        EventFacts facts = catalogue.factsOf(event);
        UUID eventId = facts.eventId();
        // the binder's receive span continues the publisher's trace (traceparent header); say what it is about.
        // Events the handler records are stored with this span's context, so the trace goes on through our outbox.
        traces.tagCurrentSpan(facts);
        transactions.executeWithoutResult(status -> {
            if (processed.firstDelivery(consumer, eventId)) {
                handler.accept(event);
            } else {
                log.info("Event {} ({}) already handled; redelivery ignored", eventId, event.getClass().getSimpleName());
            }
        });
    }

    /** The name this service records handled events under ({@code processed_event.consumer}). */
    public String consumer() {
        return consumer;
    }
}
