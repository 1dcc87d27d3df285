package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/** Police refused to extend an active alert: it still ends at its current expiry. */
public record AlertExtensionRejected(
        UUID eventId,
        Instant occurredAt,
        UUID alertId,
        UUID caseId,
        String reason,
        Actor rejectedBy) implements IntegrationEvent {

    @Override
    public UUID subjectId() {
        return alertId;
    }
}
