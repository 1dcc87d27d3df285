package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A police zone confirmed it has seen an alert (first acknowledgement of that zone only).
 *
 * @param channel how: {@code API} (console or API call) or {@code SMS} (a reply handled by the notification-service)
 */
public record AlertAcknowledged(
        UUID eventId,
        Instant occurredAt,
        UUID alertId,
        UUID caseId,
        String zoneId,
        String channel,
        Actor acknowledgedBy) implements IntegrationEvent {

    @Override
    public UUID subjectId() {
        return alertId;
    }
}
