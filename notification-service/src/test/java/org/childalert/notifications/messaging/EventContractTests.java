package org.childalert.notifications.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childalert.kit.test.ConsumerContract.boundRoutingKeys;
import static org.childalert.kit.test.ConsumerContract.decodingWithoutADatabase;
import static org.childalert.kit.test.ConsumerContract.goldenSample;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.UUID;
import java.util.function.Consumer;

import org.childalert.events.AlertApprovalRequested;
import org.childalert.events.AlertIssued;
import org.childalert.events.ApprovalKind;
import org.childalert.events.EventType;
import org.childalert.kit.messaging.InboundEvents;
import org.childalert.notifications.fanout.AlertNotices;
import org.childalert.notifications.fanout.ApprovalRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.Mockito;
import org.springframework.messaging.Message;

/**
 * This service's side of the event contract, checked against the golden samples of the events module: read as they
 * come off the broker and handed by the listener to the fan-out; the queue bound to exactly the types the listener
 * hands on (issue 16), no more.
 */
class EventContractTests {

    private final AlertNotices notices = mock(AlertNotices.class);
    private final ApprovalRequests approvals = mock(ApprovalRequests.class);
    private final InboundEvents inbound = decodingWithoutADatabase(new EventContract().eventCatalogue());
    private final Consumer<Message<byte[]>> alertEvents = new AlertEventsListener(inbound, notices, approvals).alertEvents();

    @Test
    void handsAnIssuedAlertToTheFanOut() {
        alertEvents.accept(goldenSample("alerts.AlertIssued.v1"));

        verify(notices).on(argThat((AlertIssued issued) ->
                issued.alertId().equals(UUID.fromString("a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f601"))
                        && issued.notice().childFirstName().equals("Lina")));
    }

    @Test
    void handsAnApprovalRequestToThePoliceOnDuty() {
        alertEvents.accept(goldenSample("alerts.AlertApprovalRequested.v1"));

        verify(approvals).on(argThat((AlertApprovalRequested request) ->
                request.alertId().equals(UUID.fromString("a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f601"))
                        && request.kind() == ApprovalKind.NEW_ALERT
                        && request.area().radiusKm() == 10.0
                        && request.requestedBy().username().equals("alice")));
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = "ALERT.*|ACKNOWLEDGEMENT_.*", mode = EnumSource.Mode.MATCH_ANY)
    void bindsTheQueueToATypeExactlyWhenTheListenerHandsItOn(EventType type) {
        assertThat(type.source()).isEqualTo(EventType.Source.ALERTS);

        alertEvents.accept(goldenSample(type.typeName()));

        int calls = Mockito.mockingDetails(notices).getInvocations().size()
                + Mockito.mockingDetails(approvals).getInvocations().size();
        assertThat(calls).as("calls for " + type.typeName()).isLessThanOrEqualTo(1);
        assertThat(boundRoutingKeys("alertEvents-in-0").contains(type.typeName()))
                .as("bound to " + type.typeName()).isEqualTo(calls == 1);
    }

    @Test
    void bindsNoTypeOfAnotherExchange() {
        assertThat(boundRoutingKeys("alertEvents-in-0")).allMatch(key -> key.startsWith("alerts."));
    }
}
