package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A police contact acknowledged an alert by replying to its SMS (or email); the notification-service matched
 * the reply to the alert and the contact's zone.
 *
 * @param contact who replied, as the notification-service knows them (its contact id and name)
 */
public record PoliceAcknowledged(
        UUID eventId,
        Instant occurredAt,
        UUID alertId,
        String zoneId,
        Actor contact) implements IntegrationEvent {

    @Override
    public UUID subjectId() {
        return alertId;
    }
}
