package org.childalert.kit.messaging;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes integration events as JSON. Unknown fields are ignored so that producers can add fields
 * without breaking a consumer (the v1 tolerance rule of the event contract).
 *
 * <p>A reader for every known record type is built at start (Jackson fetches a reader's deserializer when the
 * reader is made), so that the first event of a type, typically an alert's {@code AlertIssued}, is not the one
 * that waits for Jackson to inspect its records.
 */
public final class EventJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final Map<Class<?>, ObjectReader> readers = new HashMap<>();

    /** @param recordTypes the records read often enough to get their reader at start */
    public EventJson(Collection<? extends Class<?>> recordTypes) {
        for (Class<?> type : recordTypes) {
            readers.put(type, mapper.readerFor(type));
        }
    }

    public String write(Object event) {
        return mapper.writeValueAsString(event);
    }

    public <T> T read(byte[] json, Class<T> type) {
        ObjectReader reader = readers.get(type);
        return reader != null ? reader.readValue(json) : mapper.readValue(json, type);
    }
}
