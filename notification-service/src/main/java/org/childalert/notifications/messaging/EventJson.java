package org.childalert.notifications.messaging;

import java.util.HashMap;
import java.util.Map;

import org.childalert.events.EventType;
import org.childalert.events.IntegrationEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes integration events as JSON. Unknown fields are ignored so that producers can add
 * fields without breaking this service (the v1 tolerance rule of the event contract).
 *
 * <p>A reader for every event type is built at start (Jackson fetches a reader's deserializer when the reader is
 * made), so that the first event of a type, typically an alert's {@code AlertIssued}, is not the one that waits
 * for Jackson to inspect its records.
 */
@Component
class EventJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final Map<Class<?>, ObjectReader> readers = new HashMap<>();

    EventJson() {
        for (EventType type : EventType.values()) {
            readers.put(type.recordType(), mapper.readerFor(type.recordType()));
        }
    }

    String write(IntegrationEvent event) {
        return mapper.writeValueAsString(event);
    }

    <T extends IntegrationEvent> T read(byte[] json, Class<T> type) {
        ObjectReader reader = readers.get(type);
        return reader != null ? reader.readValue(json) : mapper.readValue(json, type);
    }
}
