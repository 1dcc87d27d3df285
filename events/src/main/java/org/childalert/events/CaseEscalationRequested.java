package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A coordinator asked for a case to become an alert. The case-service assigns the {@code alertId} so that
 * it can answer the coordinator at once; the alert-service creates the alert, pending approval, under it.
 *
 * @param child only what an alert may show to the public: first name, age and description
 */
public record CaseEscalationRequested(
        UUID eventId,
        Instant occurredAt,
        UUID caseId,
        UUID alertId,
        DisclosureLevel level,
        double radiusKm,
        Criteria criteria,
        LastSeen lastSeen,
        ChildNotice child,
        Actor requestedBy) implements IntegrationEvent {

    /** The coordinator's answers to the alert criteria checklist. */
    public record Criteria(boolean underEighteen, boolean lifeInDanger, boolean likelyInCountry,
                           boolean enoughInformation) {
    }

    public record LastSeen(Instant at, double latitude, double longitude, String place) {
    }

    public record ChildNotice(String firstName, int age, String description) {
    }

    @Override
    public UUID subjectId() {
        return alertId;
    }
}
