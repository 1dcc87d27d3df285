package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An active alert reached its expiry without being extended or cancelled: it is no longer distributed and
 * its public forms (CAP, feed, photo link) are withdrawn. Nobody is sent a "found" notice.
 */
public record AlertExpired(
        UUID eventId,
        Instant occurredAt,
        UUID alertId,
        UUID caseId) implements IntegrationEvent {

    @Override
    public UUID subjectId() {
        return alertId;
    }
}
