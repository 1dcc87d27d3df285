package org.childalert.alerts.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childalert.kit.test.ConsumerContract.boundRoutingKeys;
import static org.childalert.kit.test.ConsumerContract.decodingWithoutADatabase;
import static org.childalert.kit.test.ConsumerContract.goldenSample;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.childalert.alerts.acknowledgement.PoliceAcknowledgements;
import org.childalert.alerts.lifecycle.AlertCancellations;
import org.childalert.alerts.lifecycle.EscalationIntake;
import org.childalert.events.CaseEscalationRequested;
import org.childalert.events.CaseOutcome;
import org.childalert.events.CaseResolved;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.EventType;
import org.childalert.events.IntegrationEvent;
import org.childalert.kit.messaging.EventJson;
import org.childalert.kit.messaging.InboundEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mockito;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * This service's side of the event contract, checked against the golden samples of the events module: read as they
 * come off the broker, handed by the listeners to the features; each queue bound to exactly the types its listener
 * hands on (issue 16), no more.
 */
class EventContractTests {

    private final EventJson json = new EventJson(List.of());
    private final JsonMapper tree = JsonMapper.builder().build();
    private final EscalationIntake escalations = mock(EscalationIntake.class);
    private final AlertCancellations cancellations = mock(AlertCancellations.class);
    private final PoliceAcknowledgements acknowledgements = mock(PoliceAcknowledgements.class);
    private final InboundEvents inbound = decodingWithoutADatabase(new EventContract().eventCatalogue());
    private final Map<EventType.Source, Consumer<Message<byte[]>>> listeners = Map.of(
            EventType.Source.CASES, new CaseEventsListener(inbound, escalations, cancellations).caseEvents(),
            EventType.Source.NOTIFICATIONS, new NotificationEventsListener(inbound, acknowledgements).notificationEvents());
    private final Map<EventType.Source, String> bindings = Map.of(
            EventType.Source.CASES, "caseEvents-in-0", EventType.Source.NOTIFICATIONS, "notificationEvents-in-0");

    @Test
    void handsAPoliceZoneReachedToTheAcknowledgementFeature() {
        listeners.get(EventType.Source.NOTIFICATIONS).accept(goldenSample("notifications.PoliceZoneAlerted.v1"));

        verify(acknowledgements).onZoneAlerted(argThat(alerted -> alerted.zoneId().equals("5340")
                && alerted.zoneName().equals("Brussels West")
                && alerted.alertId().equals(UUID.fromString("a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f601"))));
    }

    @Test
    void handsAPoliceAcknowledgementToTheAcknowledgementFeature() {
        listeners.get(EventType.Source.NOTIFICATIONS).accept(goldenSample("notifications.PoliceAcknowledged.v1"));

        verify(acknowledgements).onPoliceAcknowledged(argThat(acknowledged -> acknowledged.zoneId().equals("5340")
                && acknowledged.contact().username().equals("Inspector Peeters")));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void bindsEachQueueToATypeExactlyWhenItsListenerHandsItOn(EventType type) {
        Consumer<Message<byte[]>> listener = listeners.get(type.source());
        if (listener == null) {
            return; // alerts.events is this service's own exchange: it consumes none of it
        }
        listener.accept(goldenSample(type.typeName()));

        int calls = Mockito.mockingDetails(escalations).getInvocations().size()
                + Mockito.mockingDetails(cancellations).getInvocations().size()
                + Mockito.mockingDetails(acknowledgements).getInvocations().size();
        assertThat(calls).as("feature calls for " + type.typeName()).isLessThanOrEqualTo(1);
        assertThat(boundRoutingKeys(bindings.get(type.source())).contains(type.typeName()))
                .as("bound to " + type.typeName()).isEqualTo(calls == 1);
    }

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
    @ValueSource(strings = { "alerts.AlertIssued.v1", "alerts.AlertRejected.v1", "alerts.AlertCancelled.v1",
            "alerts.AlertApprovalRequested.v1" })
    void writesThePublishedEventsExactlyAsTheirGoldenSamples(String typeName) throws IOException {
        JsonNode golden = tree.readTree(sample(typeName));
        IntegrationEvent event = json.read(sample(typeName), recordOf(typeName));

        assertThat(tree.readTree(json.write(event))).isEqualTo(golden);
    }

    private static Class<? extends IntegrationEvent> recordOf(String typeName) {
        return EventType.ofTypeName(typeName).orElseThrow().recordType();
    }

    private static byte[] sample(String typeName) throws IOException {
        try (InputStream in = EventContractTests.class.getResourceAsStream("/events/" + typeName + ".json")) {
            assertThat(in).as(typeName).isNotNull();
            return in.readAllBytes();
        }
    }
}
