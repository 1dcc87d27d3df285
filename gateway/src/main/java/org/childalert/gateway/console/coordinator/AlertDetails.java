package org.childalert.gateway.console.coordinator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.childalert.gateway.console.PendingChange;

/** An alert as alert-service shows it. */
record AlertDetails(UUID id, UUID caseId, String status, String level, Area area, Map<String, Boolean> criteria,
                    String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, Instant issuedAt,
                    Instant expiresAt, Instant cancelledAt, String cancellationReason, List<String> refusalReasons,
                    Notice notice, Boolean hasPhoto, PendingChange pendingChange) {

    private static final Set<String> CANCELLABLE = Set.of("PENDING_APPROVAL", "ACTIVE");

    record Area(double latitude, double longitude, double radiusKm) {
    }

    record Notice(String childFirstName, int childAge, String description, String lastSeenPlace,
                  Instant lastSeenAt) {
    }

    /** Refused by alert-service's escalation policy, not by an officer. */
    public boolean decidedByPolicy() {
        return org.childalert.gateway.console.Actors.isEscalationPolicy(decidedBy);
    }

    /** The reasons for a refusal, each recognised where the escalation policy wrote it (to say it in the user's language). */
    public List<RefusalReason> refusals() {
        return refusalReasons == null ? List.of() : refusalReasons.stream().map(RefusalReason::of).toList();
    }

    public boolean isCancellable() {
        return CANCELLABLE.contains(status);
    }

    /** A running alert takes a new description or photo, which waits for a second police officer. */
    public boolean isChangeable() {
        return "ACTIVE".equals(status);
    }
}
