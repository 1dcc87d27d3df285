package org.childalert.gateway.console.police;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.childalert.gateway.console.PendingChange;

/** What an officer needs to decide on an alert or to act on it, as alert-service shows it. */
record AlertSummary(UUID id, UUID caseId, String status, String level, Area area, Map<String, Boolean> criteria,
                    String requestedBy, Instant requestedAt, Instant issuedAt, Instant expiresAt, Notice notice,
                    PendingChange pendingChange) {

    record Area(double latitude, double longitude, double radiusKm) {
    }

    record Notice(String childFirstName, int childAge, String description, String lastSeenPlace,
                  Instant lastSeenAt) {
    }
}
