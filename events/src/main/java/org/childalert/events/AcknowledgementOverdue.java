package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Nobody in a police zone acknowledged an active alert in time. The notification-service sends the alert to
 * that zone's duty contact; the case-service puts it on the case timeline for the coordinator.
 */
public record AcknowledgementOverdue(
        UUID eventId,
        Instant occurredAt,
        UUID alertId,
        UUID caseId,
        String zoneId,
        String zoneName,
        Instant alertedAt,
        Instant deadline) implements IntegrationEvent {

    @Override
    public UUID subjectId() {
        return alertId;
    }
}
