package org.childalert.events;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The police on duty are told that something waits for their approval, and sent to the console for the rest: the
 * event holds no personal data of the child, and a field that would bring some in breaks this test first.
 */
class AlertApprovalRequestedTests {

    @Test
    void carriesWhereAndWhoAskedButNothingAboutTheChild() {
        assertThat(Arrays.stream(AlertApprovalRequested.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("eventId", "occurredAt", "alertId", "caseId", "kind", "area", "requestedBy",
                        "requestedAt");
        assertThat(Arrays.stream(GeoCircle.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("latitude", "longitude", "radiusKm");
        assertThat(Arrays.stream(Actor.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("subject", "username");
    }

    @Test
    void isPublishedByTheAlertServiceOnItsExchange() {
        assertThat(EventType.ALERT_APPROVAL_REQUESTED.typeName()).isEqualTo("alerts.AlertApprovalRequested.v1");
        assertThat(EventType.ALERT_APPROVAL_REQUESTED.source().exchange()).isEqualTo("alerts.events");
        assertThat(EventType.ALERT_APPROVAL_REQUESTED.source().uri()).isEqualTo("/alert-service");
    }

    @Test
    void tellsANewAlertFromAChange() {
        assertThat(ApprovalKind.values()).containsExactly(ApprovalKind.NEW_ALERT, ApprovalKind.CHANGE);
    }
}
