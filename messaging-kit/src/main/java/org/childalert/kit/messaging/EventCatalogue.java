package org.childalert.kit.messaging;

import java.util.Map;
import java.util.function.Function;

/**
 * What the kit must know of a service's event contract, and all it knows: the kit has no event types of its own.
 * A service declares one bean of it in its {@code messaging} package, built from its contract (the {@code events}
 * module's catalogue). With it the service gets the {@link Outbox}, the {@link OutboxRelay} and
 * {@link InboundEvents}.
 *
 * @param eventType   the type every integration event of the service has: the outbox records each application
 *                    event of this type published inside a transaction
 * @param recordTypes the record each wire type name ({@code ce-type}, e.g. {@code alerts.AlertIssued.v1}) is read
 *                    into; a type name not here is acknowledged and ignored
 * @param facts       the outbox row's facts of one event (its id, type name, exchange, subject, time)
 * @param <E>         the service's integration event type
 */
public record EventCatalogue<E>(Class<E> eventType, Map<String, Class<? extends E>> recordTypes,
                                Function<? super E, EventFacts> facts) {

    public EventCatalogue {
        recordTypes = Map.copyOf(recordTypes);
    }

    EventFacts factsOf(Object event) {
        return facts.apply(eventType.cast(event));
    }
}
