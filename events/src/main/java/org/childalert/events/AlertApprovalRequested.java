package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Something waits for a police officer's four-eyes approval: a new alert the escalation policy accepted, or a
 * change to a running alert. It tells the police on duty that they are needed, nothing more: it carries no
 * personal data of the child (no name, description or photo); whoever is told is sent to the console's approvals
 * page, where the officer reads the rest after signing in.
 *
 * @param kind        a new alert, or a change to a running one
 * @param area        the circle around the last-seen place that approval would cover (for a widening, the wider
 *                    circle asked for)
 * @param requestedBy who asked: the coordinator of the escalation, or whoever asked for the change
 * @param requestedAt when they asked
 */
public record AlertApprovalRequested(
        UUID eventId,
        Instant occurredAt,
        UUID alertId,
        UUID caseId,
        ApprovalKind kind,
        GeoCircle area,
        Actor requestedBy,
        Instant requestedAt) implements IntegrationEvent {

    @Override
    public UUID subjectId() {
        return alertId;
    }
}
