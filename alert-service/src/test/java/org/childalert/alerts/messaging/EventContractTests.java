package org.childalert.alerts.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.childalert.events.AlertCancelled;
import org.childalert.events.AlertIssued;
import org.childalert.events.AlertRejected;
import org.childalert.events.CaseEscalationRequested;
import org.childalert.events.CaseOutcome;
import org.childalert.events.CaseResolved;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.IntegrationEvent;
import org.childalert.kit.messaging.EventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** This service's side of the event contract, checked against the golden samples of the events module. */
class EventContractTests {

    private final EventJson json = new EventJson(List.of());
    private final JsonMapper tree = JsonMapper.builder().build();

    @Test
    void readsTheCaseServicesEscalationRequest() throws IOException {
        CaseEscalationRequested request = json.read(sample("cases.CaseEscalationRequested.v1"),
                CaseEscalationRequested.class);

        assertThat(request.alertId()).isEqualTo(UUID.fromString("a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f601"));
        assertThat(request.level()).isEqualTo(DisclosureLevel.TARGETED);
        assertThat(request.radiusKm()).isEqualTo(10.0);
        assertThat(request.criteria().lifeInDanger()).isTrue();
        assertThat(request.lastSeen().place()).isEqualTo("Brussels-North station");
        assertThat(request.lastSeen().at()).isEqualTo(Instant.parse("2026-11-28T09:30:00Z"));
        assertThat(request.child().firstName()).isEqualTo("Lina");
        assertThat(request.requestedBy().username()).isEqualTo("alice");
    }

    @Test
    void readsTheCaseServicesResolution() throws IOException {
        CaseResolved resolved = json.read(sample("cases.CaseResolved.v1"), CaseResolved.class);

        assertThat(resolved.outcome()).isEqualTo(CaseOutcome.FOUND_SAFE);
        assertThat(resolved.resolvedBy().username()).isEqualTo("alice");
    }

    @Test
    void ignoresFieldsANewerCaseServiceAdds() throws IOException {
        String newer = new String(sample("cases.CaseResolved.v1"), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"addedLater\": {\"nested\": true},");

        assertThat(json.read(newer.getBytes(StandardCharsets.UTF_8), CaseResolved.class).outcome())
                .isEqualTo(CaseOutcome.FOUND_SAFE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "alerts.AlertIssued.v1", "alerts.AlertRejected.v1", "alerts.AlertCancelled.v1" })
    void writesThePublishedEventsExactlyAsTheirGoldenSamples(String typeName) throws IOException {
        JsonNode golden = tree.readTree(sample(typeName));
        IntegrationEvent event = json.read(sample(typeName), recordOf(typeName));

        assertThat(tree.readTree(json.write(event))).isEqualTo(golden);
    }

    private static Class<? extends IntegrationEvent> recordOf(String typeName) {
        if (typeName.contains("AlertIssued")) {
            return AlertIssued.class;
        }
        return typeName.contains("AlertRejected") ? AlertRejected.class : AlertCancelled.class;
    }

    private static byte[] sample(String typeName) throws IOException {
        try (InputStream in = EventContractTests.class.getResourceAsStream("/events/" + typeName + ".json")) {
            assertThat(in).as(typeName).isNotNull();
            return in.readAllBytes();
        }
    }
}
