package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An active alert now covers a wider circle around the same centre, on its widening schedule or on request.
 * Consumers notify only the recipients inside {@code area} who were outside {@code previousRadiusKm} and
 * have not been notified about this alert yet: nobody is told twice.
 *
 * @param widenedBy the person who asked for it, or the alert-service's own schedule actor
 */
public record AlertWidened(
        UUID eventId,
        Instant occurredAt,
        UUID alertId,
        UUID caseId,
        DisclosureLevel level,
        GeoCircle area,
        double previousRadiusKm,
        Instant expiresAt,
        AlertIssued.Notice notice,
        Actor widenedBy) implements IntegrationEvent {

    @Override
    public UUID subjectId() {
        return alertId;
    }
}
