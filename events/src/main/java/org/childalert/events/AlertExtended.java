package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Police approved (four-eyes) one more extension of an active alert: it now runs until {@code expiresAt}.
 *
 * @param extension how many times the alert has now been extended (1, 2 or 3)
 */
public record AlertExtended(
        UUID eventId,
        Instant occurredAt,
        UUID alertId,
        UUID caseId,
        Instant expiresAt,
        int extension,
        Actor approvedBy) implements IntegrationEvent {

    @Override
    public UUID subjectId() {
        return alertId;
    }
}
