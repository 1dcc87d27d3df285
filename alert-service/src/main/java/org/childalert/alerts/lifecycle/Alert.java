package org.childalert.alerts.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.childalert.alerts.policy.Criteria;
import org.childalert.alerts.web.ConflictException;
import org.childalert.events.Actor;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.GeoCircle;

/**
 * An alert about a missing child, from the coordinator's request to its end. Immutable: every transition
 * returns the alert in its new state, or refuses with a {@link ConflictException} when the current status
 * does not allow it.
 *
 * @param decidedBy who approved, rejected or refused the escalation (the policy's system actor for a refusal)
 * @param refusalReasons why the escalation was refused by the policy or rejected by the police; empty otherwise
 */
public record Alert(
        UUID id,
        UUID caseId,
        AlertStatus status,
        DisclosureLevel level,
        double radiusKm,
        Criteria criteria,
        LastSeen lastSeen,
        Child child,
        Actor requestedBy,
        Instant requestedAt,
        Actor decidedBy,
        Instant decidedAt,
        Instant issuedAt,
        Instant expiresAt,
        Instant cancelledAt,
        CancellationReason cancellationReason,
        List<String> refusalReasons) {

    /** Where and when the child was last seen: the centre of the alert's area. */
    public record LastSeen(Instant at, double latitude, double longitude, String place) {
    }

    /** Only what an alert may tell recipients about the child. */
    public record Child(String firstName, int age, String description) {
    }

    public Alert {
        refusalReasons = List.copyOf(refusalReasons);
    }

    static Alert requested(UUID id, UUID caseId, DisclosureLevel level, double radiusKm, Criteria criteria,
                           LastSeen lastSeen, Child child, Actor requestedBy, Instant requestedAt) {
        return new Alert(id, caseId, AlertStatus.PENDING_APPROVAL, level, radiusKm, criteria, lastSeen, child,
                requestedBy, requestedAt, null, null, null, null, null, null, List.of());
    }

    /** The circle around the last-seen place that the alert covers. */
    public GeoCircle area() {
        return new GeoCircle(lastSeen.latitude(), lastSeen.longitude(), radiusKm);
    }

    public boolean wasRequestedBy(String subject) {
        return requestedBy.subject().equals(subject);
    }

    Alert refusedByPolicy(List<String> reasons, Actor policy, Instant at) {
        requirePending("refused");
        return new Alert(id, caseId, AlertStatus.REFUSED, level, radiusKm, criteria, lastSeen, child, requestedBy,
                requestedAt, policy, at, null, null, null, null, reasons);
    }

    public Alert approvedBy(Actor officer, Instant at, Duration lifetime) {
        requirePending("approved");
        return new Alert(id, caseId, AlertStatus.ACTIVE, level, radiusKm, criteria, lastSeen, child, requestedBy,
                requestedAt, officer, at, at, at.plus(lifetime), null, null, List.of());
    }

    public Alert rejectedBy(Actor officer, Instant at, String reason) {
        requirePending("rejected");
        return new Alert(id, caseId, AlertStatus.REJECTED, level, radiusKm, criteria, lastSeen, child, requestedBy,
                requestedAt, officer, at, null, null, null, null, List.of(reason));
    }

    /** An active alert is cancelled; a pending escalation is withdrawn; any other status cannot end again. */
    Alert cancelled(Instant at, CancellationReason reason) {
        if (status != AlertStatus.ACTIVE && status != AlertStatus.PENDING_APPROVAL) {
            throw new ConflictException("Alert " + id + " is " + status
                    + "; only an ACTIVE or PENDING_APPROVAL alert can be cancelled.");
        }
        AlertStatus ended = status == AlertStatus.ACTIVE ? AlertStatus.CANCELLED : AlertStatus.WITHDRAWN;
        return new Alert(id, caseId, ended, level, radiusKm, criteria, lastSeen, child, requestedBy, requestedAt,
                decidedBy, decidedAt, issuedAt, expiresAt, at, reason, refusalReasons);
    }

    private void requirePending(String transition) {
        if (status != AlertStatus.PENDING_APPROVAL) {
            throw new ConflictException("Alert " + id + " is " + status + "; only an alert in PENDING_APPROVAL can be "
                    + transition + ".");
        }
    }
}
