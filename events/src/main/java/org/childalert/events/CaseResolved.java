package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/** A case was closed with an outcome: any alert still running for it must be cancelled. */
public record CaseResolved(
        UUID eventId,
        Instant occurredAt,
        UUID caseId,
        CaseOutcome outcome,
        Actor resolvedBy) implements IntegrationEvent {

    @Override
    public UUID subjectId() {
        return caseId;
    }
}
