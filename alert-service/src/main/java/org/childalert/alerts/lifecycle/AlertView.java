package org.childalert.alerts.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.childalert.alerts.policy.Criteria;
import org.childalert.events.Actor;
import org.childalert.events.DisclosureLevel;

/** An alert as the API shows it to coordinators, police and administrators. */
public record AlertView(
        UUID id,
        UUID caseId,
        AlertStatus status,
        DisclosureLevel level,
        Area area,
        Criteria criteria,
        String requestedBy,
        Instant requestedAt,
        String decidedBy,
        Instant decidedAt,
        Instant issuedAt,
        Instant expiresAt,
        Instant cancelledAt,
        CancellationReason cancellationReason,
        List<String> refusalReasons,
        Notice notice,
        int extensions,
        boolean hasPhoto,
        PendingChangeView pendingChange) {

    public record Area(double latitude, double longitude, double radiusKm) {
    }

    public record Notice(String childFirstName, int childAge, String description, String lastSeenPlace,
                         Instant lastSeenAt) {
    }

    /**
     * A change waiting for a police officer other than its requester: nothing of it is visible to recipients yet.
     *
     * @param newPhoto whether the change brings a new photo (police see it at {@code /api/alerts/{id}/changes/photo})
     */
    public record PendingChangeView(PendingChange.Kind kind, String requestedBy, Instant requestedAt,
                                    String description, boolean newPhoto, Double radiusKm) {

        static PendingChangeView of(PendingChange change) {
            return change == null ? null : new PendingChangeView(change.kind(), change.requestedBy().username(),
                    change.requestedAt(), change.description(), change.photoMimeType() != null, change.radiusKm());
        }
    }

    public static AlertView of(Alert alert) {
        return new AlertView(alert.id(), alert.caseId(), alert.status(), alert.level(),
                new Area(alert.lastSeen().latitude(), alert.lastSeen().longitude(), alert.radiusKm()),
                alert.criteria(), alert.requestedBy().username(), alert.requestedAt(), username(alert.decidedBy()),
                alert.decidedAt(), alert.issuedAt(), alert.expiresAt(), alert.cancelledAt(),
                alert.cancellationReason(), alert.refusalReasons(),
                new Notice(alert.child().firstName(), alert.child().age(), alert.child().description(),
                        alert.lastSeen().place(), alert.lastSeen().at()),
                alert.extensions(), alert.photo() != null, PendingChangeView.of(alert.pendingChange()));
    }

    private static String username(Actor actor) {
        return actor == null ? null : actor.username();
    }
}
