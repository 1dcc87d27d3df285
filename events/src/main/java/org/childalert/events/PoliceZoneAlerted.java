package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The notification-service sent an alert to the contacts of a police zone for the first time (at issue or
 * after a widening reached a new zone). The alert-service then expects that zone's acknowledgement.
 */
public record PoliceZoneAlerted(
        UUID eventId,
        Instant occurredAt,
        UUID alertId,
        String zoneId,
        String zoneName) implements IntegrationEvent {

    @Override
    public UUID subjectId() {
        return alertId;
    }
}
