package org.childalert.notifications.messaging;

import org.childalert.events.IntegrationEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes integration events as JSON. Unknown fields are ignored so that producers can add
 * fields without breaking this service (the v1 tolerance rule of the event contract).
 */
@Component
class EventJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    String write(IntegrationEvent event) {
        return mapper.writeValueAsString(event);
    }

    <T extends IntegrationEvent> T read(byte[] json, Class<T> type) {
        return mapper.readValue(json, type);
    }
}
