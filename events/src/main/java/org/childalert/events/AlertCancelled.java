package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert was cancelled, usually because the child was found: everyone reached must be told, and the
 * child's data withdrawn from every public form of the alert.
 *
 * @param reason a {@link CaseOutcome} name, or {@code RETRACTED} when the alert was withdrawn in error
 */
public record AlertCancelled(
        UUID eventId,
        Instant occurredAt,
        UUID alertId,
        UUID caseId,
        String reason,
        Actor cancelledBy) implements IntegrationEvent {

    @Override
    public UUID subjectId() {
        return alertId;
    }
}
