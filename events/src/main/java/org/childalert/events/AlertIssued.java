package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/** Police approved an escalation: the alert is active and must reach everyone concerned. */
public record AlertIssued(
        UUID eventId,
        Instant occurredAt,
        UUID alertId,
        UUID caseId,
        DisclosureLevel level,
        GeoCircle area,
        Instant expiresAt,
        Notice notice,
        Actor approvedBy) implements IntegrationEvent {

    /** What the recipients are told: no more than the level allows the public to know. */
    public record Notice(String childFirstName, int childAge, String description, String lastSeenPlace,
                         Instant lastSeenAt) {
    }

    @Override
    public UUID subjectId() {
        return alertId;
    }
}
