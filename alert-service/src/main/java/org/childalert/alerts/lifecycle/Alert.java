package org.childalert.alerts.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.childalert.alerts.policy.Criteria;
import org.childalert.kit.web.ConflictException;
import org.childalert.events.Actor;
import org.childalert.events.AlertApprovalRequested;
import org.childalert.events.AlertIssued;
import org.childalert.events.ApprovalKind;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.GeoCircle;

/**
 * An alert about a missing child, from the coordinator's request to its end. Immutable: every transition
 * returns the alert in its new state, or refuses with a {@link ConflictException} when the current status
 * does not allow it.
 *
 * @param radiusKm the radius the alert covers now: the requested one, wider once it has been widened
 * @param decidedBy who approved, rejected or refused the escalation (the policy's system actor for a refusal)
 * @param refusalReasons why the escalation was refused by the policy or rejected by the police; empty otherwise
 * @param photo the child's photo, uploaded to and kept by this service, if an approved update gave one;
 *              withdrawn (null) once the alert ends
 * @param extensions how many extensions police approved (at most {@link #MAX_EXTENSIONS})
 * @param pendingChange a change to what recipients read or who is reached, waiting for a police officer other
 *                      than its requester to approve it; null when none is waiting
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
        List<String> refusalReasons,
        Photo photo,
        int extensions,
        PendingChange pendingChange) {

    /** An alert may be extended this many times, each time with a fresh police approval. */
    public static final int MAX_EXTENSIONS = 3;
    /** The widest area an alert may cover. */
    public static final double MAX_RADIUS_KM = 500;

    /** Where and when the child was last seen: the centre of the alert's area. */
    public record LastSeen(Instant at, double latitude, double longitude, String place) {
    }

    /** Only what an alert may tell recipients about the child. */
    public record Child(String firstName, int age, String description) {

        Child withoutDescription() {
            return new Child(firstName, age, null);
        }
    }

    /**
     * The child's photo as recipients get it: stored by this service and served only under the alert's public
     * photo link; its media type is what CAP's {@code resource} and the feed's enclosure need.
     */
    public record Photo(String mimeType) {
    }

    public Alert {
        refusalReasons = List.copyOf(refusalReasons);
    }

    /** An alert with no change waiting for approval. */
    public Alert(UUID id, UUID caseId, AlertStatus status, DisclosureLevel level, double radiusKm, Criteria criteria,
                 LastSeen lastSeen, Child child, Actor requestedBy, Instant requestedAt, Actor decidedBy,
                 Instant decidedAt, Instant issuedAt, Instant expiresAt, Instant cancelledAt,
                 CancellationReason cancellationReason, List<String> refusalReasons, Photo photo, int extensions) {
        this(id, caseId, status, level, radiusKm, criteria, lastSeen, child, requestedBy, requestedAt, decidedBy,
                decidedAt, issuedAt, expiresAt, cancelledAt, cancellationReason, refusalReasons, photo, extensions,
                null);
    }

    static Alert requested(UUID id, UUID caseId, DisclosureLevel level, double radiusKm, Criteria criteria,
                           LastSeen lastSeen, Child child, Actor requestedBy, Instant requestedAt) {
        return new Alert(id, caseId, AlertStatus.PENDING_APPROVAL, level, radiusKm, criteria, lastSeen, child,
                requestedBy, requestedAt, null, null, null, null, null, null, List.of(), null, 0);
    }

    /** The circle around the last-seen place that the alert covers. */
    public GeoCircle area() {
        return new GeoCircle(lastSeen.latitude(), lastSeen.longitude(), radiusKm);
    }

    /** What recipients are told about the child, as the events carry it. */
    public AlertIssued.Notice notice() {
        return new AlertIssued.Notice(child.firstName(), child.age(), child.description(), lastSeen.place(),
                lastSeen.at());
    }

    /**
     * What tells the police on duty that this alert waits for their approval: the alert itself while it is
     * {@code PENDING_APPROVAL}, else the change to it that waits. Only where and who asked, never the child.
     */
    public AlertApprovalRequested approvalRequested(Instant at) {
        if (pendingChange != null) {
            double radius = pendingChange.kind() == PendingChange.Kind.WIDENING ? pendingChange.radiusKm() : radiusKm;
            return new AlertApprovalRequested(UUID.randomUUID(), at, id, caseId, ApprovalKind.CHANGE,
                    new GeoCircle(lastSeen.latitude(), lastSeen.longitude(), radius), pendingChange.requestedBy(),
                    pendingChange.requestedAt());
        }
        if (status != AlertStatus.PENDING_APPROVAL) {
            throw new IllegalStateException("Alert " + id + " is " + status + " with no change waiting: nothing of it "
                    + "waits for approval");
        }
        return new AlertApprovalRequested(UUID.randomUUID(), at, id, caseId, ApprovalKind.NEW_ALERT, area(),
                requestedBy, requestedAt);
    }

    public boolean wasRequestedBy(String subject) {
        return requestedBy.subject().equals(subject);
    }

    Alert refusedByPolicy(List<String> reasons, Actor policy, Instant at) {
        requirePending("refused");
        return new Alert(id, caseId, AlertStatus.REFUSED, level, radiusKm, criteria, lastSeen, child, requestedBy,
                requestedAt, policy, at, null, null, null, null, reasons, null, 0);
    }

    public Alert approvedBy(Actor officer, Instant at, Duration lifetime) {
        requirePending("approved");
        return new Alert(id, caseId, AlertStatus.ACTIVE, level, radiusKm, criteria, lastSeen, child, requestedBy,
                requestedAt, officer, at, at, at.plus(lifetime), null, null, List.of(), null, 0);
    }

    public Alert rejectedBy(Actor officer, Instant at, String reason) {
        requirePending("rejected");
        return new Alert(id, caseId, AlertStatus.REJECTED, level, radiusKm, criteria, lastSeen, child, requestedBy,
                requestedAt, officer, at, null, null, null, null, List.of(reason), null, 0);
    }

    /**
     * An active alert is cancelled; a pending escalation is withdrawn; any other status cannot end again.
     * Either way the child's description and photo are withdrawn from the alert, a change waiting for approval
     * with them.
     */
    Alert cancelled(Instant at, CancellationReason reason) {
        if (status != AlertStatus.ACTIVE && status != AlertStatus.PENDING_APPROVAL) {
            throw new ConflictException("Alert " + id + " is " + status
                    + "; only an ACTIVE or PENDING_APPROVAL alert can be cancelled.");
        }
        AlertStatus ended = status == AlertStatus.ACTIVE ? AlertStatus.CANCELLED : AlertStatus.WITHDRAWN;
        return new Alert(id, caseId, ended, level, radiusKm, criteria, lastSeen, child.withoutDescription(),
                requestedBy, requestedAt, decidedBy, decidedAt, issuedAt, expiresAt, at, reason, refusalReasons,
                null, extensions);
    }

    /**
     * The alert ran its course: it ends, and the child's description and photo (and any change waiting for
     * approval) are withdrawn from it.
     */
    Alert expired() {
        requireActive("expired");
        return new Alert(id, caseId, AlertStatus.EXPIRED, level, radiusKm, criteria, lastSeen,
                child.withoutDescription(), requestedBy, requestedAt, decidedBy, decidedAt, issuedAt, expiresAt, null,
                null, refusalReasons, null, extensions);
    }

    /** Whether an active alert's time is up at this instant. */
    public boolean isDueToExpireAt(Instant now) {
        return status == AlertStatus.ACTIVE && !expiresAt.isAfter(now);
    }

    /** The alert now covers a wider circle around the same centre. */
    public Alert widenedTo(double newRadiusKm) {
        requireActive("widened");
        requireWiderThanNow(newRadiusKm);
        return new Alert(id, caseId, status, level, newRadiusKm, criteria, lastSeen, child, requestedBy, requestedAt,
                decidedBy, decidedAt, issuedAt, expiresAt, cancelledAt, cancellationReason, refusalReasons, photo,
                extensions, pendingChange);
    }

    /**
     * Someone asks for a change to what recipients read or who is reached. Nothing visible changes: the change
     * waits, one at a time, for a police officer other than its requester ({@link #withChangeApproved()}).
     */
    public Alert withChangeRequested(PendingChange change) {
        requireActive("changed");
        if (pendingChange != null) {
            throw new ConflictException("A change to alert " + id + " (" + pendingChange.describe() + ", asked for by "
                    + pendingChange.requestedBy().username() + " at " + pendingChange.requestedAt() + ") is already "
                    + "waiting for a police decision; it must be approved or rejected first.");
        }
        if (change.kind() == PendingChange.Kind.WIDENING) {
            requireWiderThanNow(change.radiusKm());
        }
        return new Alert(id, caseId, status, level, radiusKm, criteria, lastSeen, child, requestedBy, requestedAt,
                decidedBy, decidedAt, issuedAt, expiresAt, cancelledAt, cancellationReason, refusalReasons, photo,
                extensions, change);
    }

    /** A police officer approved the waiting change: it takes effect, and nothing waits any more. */
    public Alert withChangeApproved() {
        requireActive("changed");
        PendingChange change = requirePendingChange();
        if (change.kind() == PendingChange.Kind.WIDENING) {
            return widenedTo(change.radiusKm()).withoutPendingChange();
        }
        Child updatedChild = change.description() == null ? child
                : new Child(child.firstName(), child.age(), change.description());
        Photo updatedPhoto = change.photoMimeType() == null ? photo : new Photo(change.photoMimeType());
        return new Alert(id, caseId, status, level, radiusKm, criteria, lastSeen, updatedChild, requestedBy,
                requestedAt, decidedBy, decidedAt, issuedAt, expiresAt, cancelledAt, cancellationReason,
                refusalReasons, updatedPhoto, extensions, null);
    }

    /** A police officer rejected the waiting change: it is discarded and the alert stays as it was. */
    public Alert withChangeRejected() {
        requirePendingChange();
        return withoutPendingChange();
    }

    private Alert withoutPendingChange() {
        return new Alert(id, caseId, status, level, radiusKm, criteria, lastSeen, child, requestedBy, requestedAt,
                decidedBy, decidedAt, issuedAt, expiresAt, cancelledAt, cancellationReason, refusalReasons, photo,
                extensions, null);
    }

    private PendingChange requirePendingChange() {
        if (pendingChange == null) {
            throw new ConflictException("No change to alert " + id + " is waiting for a decision.");
        }
        return pendingChange;
    }

    private void requireWiderThanNow(double newRadiusKm) {
        if (!(newRadiusKm > radiusKm)) {
            throw new ConflictException("Alert " + id + " already covers " + radiusKm + " km; an alert can only be "
                    + "widened, so the new radius must be more than that.");
        }
        if (newRadiusKm > MAX_RADIUS_KM) {
            throw new ConflictException("An alert covers at most " + MAX_RADIUS_KM + " km, not " + newRadiusKm + ".");
        }
    }

    /**
     * The longest this alert may run from its issue, or null for no limit: a {@code PUBLIC} alert lasts at most
     * 24 hours (Belgium's Child Alert rule: 6 hours, extended at most three times by a fresh decision).
     */
    public static Duration maximumRunOf(DisclosureLevel level) {
        return level == DisclosureLevel.PUBLIC ? Duration.ofHours(24) : null;
    }

    /**
     * Refuses, with the reason, an extension by this lifetime that the rules do not allow: the alert must be
     * active, extended fewer than three times, and a public alert must not run past 24 hours after its issue.
     */
    public void requireExtensibleBy(Duration lifetime) {
        requireActive("extended");
        if (extensions >= MAX_EXTENSIONS) {
            Duration maximum = maximumRunOf(level);
            throw new ConflictException("Alert " + id + " has already been extended " + extensions
                    + " times; an alert may be extended at most " + MAX_EXTENSIONS + " times"
                    + (maximum == null ? "." : ", so a " + level + " alert runs " + maximum.toHours()
                    + " hours at most."));
        }
        Duration maximum = maximumRunOf(level);
        if (maximum != null && expiresAt.plus(lifetime).isAfter(issuedAt.plus(maximum))) {
            throw new ConflictException("A " + level + " alert runs at most " + maximum.toHours()
                    + " hours after its issue (" + issuedAt + "); extending it by " + lifetime.toHours()
                    + " hours from its current expiry (" + expiresAt + ") would go past that.");
        }
    }

    /** Police approved one more extension: the alert runs one lifetime longer. */
    public Alert extendedBy(Duration lifetime) {
        requireExtensibleBy(lifetime);
        return new Alert(id, caseId, status, level, radiusKm, criteria, lastSeen, child, requestedBy, requestedAt,
                decidedBy, decidedAt, issuedAt, expiresAt.plus(lifetime), cancelledAt, cancellationReason,
                refusalReasons, photo, extensions + 1, pendingChange);
    }

    private void requireActive(String transition) {
        if (status != AlertStatus.ACTIVE) {
            throw new ConflictException("Alert " + id + " is " + status + "; only an ACTIVE alert can be "
                    + transition + ".");
        }
    }

    private void requirePending(String transition) {
        if (status != AlertStatus.PENDING_APPROVAL) {
            throw new ConflictException("Alert " + id + " is " + status + "; only an alert in PENDING_APPROVAL can be "
                    + transition + ".");
        }
    }
}
