package org.childalert.cases.messaging;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import org.childalert.cases.escalation.AlertActivity;
import org.childalert.cases.escalation.AlertProgress;
import org.childalert.events.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.Mockito;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childalert.kit.test.ConsumerContract.boundRoutingKeys;
import static org.childalert.kit.test.ConsumerContract.decodingWithoutADatabase;
import static org.childalert.kit.test.ConsumerContract.goldenSample;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * This service's side of the event contract: the golden samples of the events module, as they come off the broker,
 * go through {@link AlertEventsListener} into the escalation feature; and the queue is bound to exactly the types
 * the listener hands on (issue 16), no more.
 */
class EventContractTests {

    private final AlertProgress progress = mock(AlertProgress.class);
    private final AlertActivity activity = mock(AlertActivity.class);
    private final Consumer<Message<byte[]>> listener = new AlertEventsListener()
            .alertEvents(decodingWithoutADatabase(new EventContract().eventCatalogue()), progress, activity);

    @Test
    void readsAnIssuedAlertIntoTheCasesProgress() {
        listener.accept(goldenSample("alerts.AlertIssued.v1"));

        verify(progress).issued(UUID.fromString("a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f601"),
                UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"), Instant.parse("2026-11-28T09:52:00Z"), "bob");
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"ALERT_.*", "ACKNOWLEDGEMENT_.*"}, mode = EnumSource.Mode.MATCH_ANY)
    void bindsTheQueueToAnAlertsTypeExactlyWhenTheListenerHandsItOn(EventType type) {
        listener.accept(goldenSample(type.typeName()));

        int calls = Mockito.mockingDetails(progress).getInvocations().size()
                + Mockito.mockingDetails(activity).getInvocations().size();
        assertThat(calls).as("feature calls for " + type.typeName()).isLessThanOrEqualTo(1);
        assertThat(boundRoutingKeys("alertEvents-in-0").contains(type.typeName())).as("bound to " + type.typeName())
                .isEqualTo(calls == 1);
    }

    @Test
    void bindsOnlyTypesOfTheAlertsExchange() {
        assertThat(boundRoutingKeys("alertEvents-in-0")).isNotEmpty()
                .allSatisfy(key -> assertThat(EventType.ofTypeName(key))
                        .hasValueSatisfying(type -> assertThat(type.source()).isEqualTo(EventType.Source.ALERTS)));
    }
}
