package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An active alert carries new information (description, photo): everyone already reached is told again,
 * with the notice as it now reads.
 *
 * @param photoLink the public, expiring link to the child's photo ({@code null} when there is none): it stops
 *                  working when the alert ends, so recipients must link to it rather than copy the image
 */
public record AlertUpdated(
        UUID eventId,
        Instant occurredAt,
        UUID alertId,
        UUID caseId,
        AlertIssued.Notice notice,
        String photoLink,
        Actor updatedBy) implements IntegrationEvent {

    @Override
    public UUID subjectId() {
        return alertId;
    }
}
