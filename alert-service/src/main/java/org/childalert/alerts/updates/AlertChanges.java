package org.childalert.alerts.updates;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.childalert.alerts.lifecycle.Alert;
import org.childalert.alerts.lifecycle.AlertRepository;
import org.childalert.alerts.lifecycle.Decision;
import org.childalert.alerts.lifecycle.DecisionLog;
import org.childalert.alerts.lifecycle.PendingChange;
import org.childalert.alerts.lifecycle.PublicLinks;
import org.childalert.alerts.photos.AlertPhotos;
import org.childalert.alerts.photos.PhotoImages;
import org.childalert.alerts.web.ForbiddenException;
import org.childalert.kit.web.InvalidRequestException;
import org.childalert.kit.web.NotFoundException;
import org.childalert.events.Actor;
import org.childalert.events.AlertApprovalRequested;
import org.childalert.events.AlertUpdated;
import org.childalert.events.AlertWidened;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to an approved alert that change what recipients read (description, photo) or who is reached (a
 * wider radius), under the same four-eyes rule as the alert itself: a coordinator or officer asks, the change
 * waits (visible as pending, invisible to recipients; the police on duty are told by an
 * {@link AlertApprovalRequested}), and only when a police officer other than the requester
 * approves it is it applied and announced ({@link AlertUpdated}, {@link AlertWidened}, a CAP Update). A
 * rejection discards it, its photo included. Every request and decision is in the audit trail. The widening
 * schedule approved with the alert runs on its own timers, without a new approval.
 */
@Service
class AlertChanges {

    private final AlertRepository alerts;
    private final AlertPhotos photos;
    private final DecisionLog decisions;
    private final ApplicationEventPublisher events;
    private final PublicLinks links;
    private final ChangeProperties properties;
    private final Clock clock;

    AlertChanges(AlertRepository alerts, AlertPhotos photos, DecisionLog decisions, ApplicationEventPublisher events,
                 PublicLinks links, ChangeProperties properties, Clock clock) {
        this.alerts = alerts;
        this.photos = photos;
        this.decisions = decisions;
        this.events = events;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    Alert requestDescription(UUID alertId, String description, Actor by) {
        return request(locked(alertId), PendingChange.update(description, null, by, clock.instant()), null);
    }

    @Transactional
    Alert requestPhoto(UUID alertId, PhotoImages.Image photo, Actor by) {
        Alert alert = locked(alertId);
        Alert requested = request(alert, PendingChange.update(null, photo.contentType(), by, clock.instant()),
                photo.bytes().length + " bytes");
        photos.storePending(alertId, photo, by, requested.pendingChange().requestedAt());
        return requested;
    }

    @Transactional
    Alert requestWidening(UUID alertId, double radiusKm, Actor by) {
        if (radiusKm > properties.maxWideningRadiusKm()) {
            throw new InvalidRequestException("radiusKm", "must be at most " + decimal(properties.maxWideningRadiusKm())
                    + " km for a widening asked for by hand, not " + decimal(radiusKm) + " km");
        }
        return request(locked(alertId), PendingChange.widening(radiusKm, by, clock.instant()), null);
    }

    @Transactional
    Alert approve(UUID alertId, Actor officer, String note) {
        Alert alert = locked(alertId);
        PendingChange change = decidable(alert, officer);
        Alert applied = alert.withChangeApproved();
        alerts.update(applied);
        Instant now = clock.instant();
        decisions.record(alertId, Decision.CHANGE_APPROVED, officer, change.describe() + " asked for by "
                + change.requestedBy().username() + (note == null ? "" : ": " + note), now);
        if (change.kind() == PendingChange.Kind.WIDENING) {
            decisions.record(alertId, Decision.WIDENED, change.requestedBy(), "from " + decimal(alert.radiusKm())
                    + " km to " + decimal(applied.radiusKm()) + " km (requested, approved by "
                    + officer.username() + ")", now);
            events.publishEvent(new AlertWidened(UUID.randomUUID(), now, alertId, applied.caseId(), applied.level(),
                    applied.area(), alert.radiusKm(), applied.expiresAt(), applied.notice(), change.requestedBy()));
        } else {
            if (change.photoMimeType() != null) {
                photos.promotePending(alertId);
            }
            decisions.record(alertId, Decision.UPDATED, change.requestedBy(), change.describe() + " (approved by "
                    + officer.username() + ")", now);
            events.publishEvent(new AlertUpdated(UUID.randomUUID(), now, alertId, applied.caseId(), applied.notice(),
                    applied.photo() == null ? null : links.photo(alertId), change.requestedBy()));
        }
        return applied;
    }

    @Transactional
    Alert reject(UUID alertId, Actor officer, String reason) {
        Alert alert = locked(alertId);
        PendingChange change = decidable(alert, officer);
        Alert unchanged = alert.withChangeRejected();
        alerts.update(unchanged);
        photos.discardPending(alertId);
        decisions.record(alertId, Decision.CHANGE_REJECTED, officer, change.describe() + " asked for by "
                + change.requestedBy().username() + ": " + reason, clock.instant());
        return unchanged;
    }

    /** The photo a waiting change brings, for those who decide on it. */
    @Transactional(readOnly = true)
    AlertPhotos.StoredPhoto pendingPhoto(UUID alertId) {
        alerts.findById(alertId).orElseThrow(() -> new NotFoundException("Alert", alertId));
        return photos.pending(alertId).orElseThrow(() -> new NotFoundException("Photo of the change waiting on alert",
                alertId));
    }

    private Alert request(Alert alert, PendingChange change, String detail) {
        Alert requested = alert.withChangeRequested(change);
        alerts.update(requested);
        decisions.record(alert.id(), Decision.CHANGE_REQUESTED, change.requestedBy(),
                change.describe() + (detail == null ? "" : ", " + detail), change.requestedAt());
        events.publishEvent(requested.approvalRequested(clock.instant()));
        return requested;
    }

    private Alert locked(UUID alertId) {
        return alerts.lockById(alertId).orElseThrow(() -> new NotFoundException("Alert", alertId));
    }

    private static PendingChange decidable(Alert alert, Actor officer) {
        PendingChange change = alert.pendingChange();
        if (change != null && change.wasRequestedBy(officer)) {
            throw new ForbiddenException("You asked for this change yourself; under the four-eyes rule another "
                    + "police officer must approve or reject it.");
        }
        return change;
    }

    private static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
