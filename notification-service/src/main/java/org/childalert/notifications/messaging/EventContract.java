package org.childalert.notifications.messaging;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.childalert.events.EventType;
import org.childalert.events.IntegrationEvent;
import org.childalert.kit.messaging.EventCatalogue;
import org.childalert.kit.messaging.EventFacts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event contract (the {@code events} module's catalogue), told to the messaging kit: with it, every
 * {@link IntegrationEvent} a feature publishes in its transaction goes through the outbox (a fan-out's outcomes
 * in one JDBC batch per transaction), and incoming events are read by their type name.
 */
@Configuration(proxyBeanMethods = false)
class EventContract {

    @Bean
    EventCatalogue<IntegrationEvent> eventCatalogue() {
        Map<String, Class<? extends IntegrationEvent>> recordTypes = Arrays.stream(EventType.values())
                .collect(Collectors.toMap(EventType::typeName, EventType::recordType));
        return new EventCatalogue<>(IntegrationEvent.class, recordTypes, event -> {
            EventType type = EventType.of(event);
            return new EventFacts(event.eventId(), type.typeName(), type.source().exchange(), event.subjectId(),
                    event.occurredAt());
        });
    }
}
