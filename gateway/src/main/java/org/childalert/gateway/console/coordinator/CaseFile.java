package org.childalert.gateway.console.coordinator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A case as case-service shows it. */
record CaseFile(UUID id, Child child, String category, String status, LastSeen lastSeen, String description,
                String photo, Instant openedAt, String openedBy, String outcome, Instant resolvedAt,
                String resolvedBy) {

    record Child(UUID id, String firstName, String lastName, LocalDate dateOfBirth) {
    }

    /** Imported historic cases may have no coordinates. */
    record LastSeen(Instant at, Double latitude, Double longitude, String place) {

        public boolean isLocated() {
            return latitude != null && longitude != null;
        }
    }

    public boolean isResolved() {
        return "RESOLVED".equals(status) || "CLOSED".equals(status);
    }

    public boolean hasPhoto() {
        return photo != null && !photo.isBlank();
    }

    /** A case can be escalated while it is open and no escalation is waiting or running. */
    public boolean canEscalate() {
        return "OPEN".equals(status);
    }
}
