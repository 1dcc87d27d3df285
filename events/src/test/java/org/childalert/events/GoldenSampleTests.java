package org.childalert.events;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type has a golden JSON sample; the records read it and write it back unchanged, so a change
 * of a record that would break the wire format breaks this test first. The services read events with the
 * same tolerance as {@link #reader}: unknown fields are ignored.
 */
class GoldenSampleTests {

    private final JsonMapper reader = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void readsAndWritesItsGoldenSampleUnchanged(EventType type) throws IOException {
        JsonNode golden = golden(type);

        IntegrationEvent event = reader.treeToValue(golden, type.recordType());
        JsonNode written = reader.readTree(reader.writeValueAsString(event));

        assertThat(written).isEqualTo(golden);
        assertThat(event.eventId()).isEqualTo(UUID.fromString(golden.get("eventId").asText()));
        assertThat(EventType.of(event)).isEqualTo(type);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void toleratesFieldsAddedByANewerProducer(EventType type) throws IOException {
        ObjectNode newer = (ObjectNode) golden(type);
        newer.put("addedInALaterRelease", "ignored by v1 consumers");

        IntegrationEvent event = reader.treeToValue(newer, type.recordType());

        assertThat(event.eventId()).isEqualTo(UUID.fromString(newer.get("eventId").asText()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void hasAVersionedTypeNameInItsSourcesNamespace(EventType type) {
        assertThat(type.typeName())
                .startsWith(type.source().namespace() + ".")
                .matches("[a-z]+\\.[A-Z][A-Za-z]+\\.v[0-9]+")
                .doesNotContain(type.recordType().getName());
        assertThat(EventType.ofTypeName(type.typeName())).contains(type);
        assertThat(Arrays.stream(EventType.values()).filter(t -> t.typeName().equals(type.typeName()))).hasSize(1);
    }

    private JsonNode golden(EventType type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/events/" + type.typeName() + ".json")) {
            assertThat(in).as("golden sample for " + type.typeName()).isNotNull();
            return reader.readTree(in);
        }
    }
}
