package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/** Police refused an escalation; nobody is alerted. */
public record AlertRejected(
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
