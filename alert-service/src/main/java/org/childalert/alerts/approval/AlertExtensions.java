package org.childalert.alerts.approval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.childalert.alerts.lifecycle.Alert;
import org.childalert.alerts.lifecycle.AlertRepository;
import org.childalert.alerts.lifecycle.Decision;
import org.childalert.alerts.lifecycle.DecisionLog;
import org.childalert.kit.web.ConflictException;
import org.childalert.alerts.web.ForbiddenException;
import org.childalert.kit.web.NotFoundException;
import org.childalert.events.Actor;
import org.childalert.events.AlertExtended;
import org.childalert.events.AlertExtensionRejected;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extending an active alert by one more lifetime of its level, with a fresh four-eyes decision each time: a
 * coordinator or officer asks, another police officer approves or rejects. An alert may be extended three
 * times; a {@code PUBLIC} one therefore runs 6 hours, and 24 hours at most. A request the rules would not allow
 * is refused at once, so nobody approves what cannot be.
 */
@Service
class AlertExtensions {

    private final AlertRepository alerts;
    private final ExtensionRequests extensions;
    private final DecisionLog decisions;
    private final ApplicationEventPublisher events;
    private final AlertLifetimes lifetimes;
    private final Clock clock;

    AlertExtensions(AlertRepository alerts, ExtensionRequests extensions, DecisionLog decisions,
                    ApplicationEventPublisher events, AlertLifetimes lifetimes, Clock clock) {
        this.alerts = alerts;
        this.extensions = extensions;
        this.decisions = decisions;
        this.events = events;
        this.lifetimes = lifetimes;
        this.clock = clock;
    }

    @Transactional
    PendingExtension request(UUID alertId, Actor requester, String note) {
        Alert alert = locked(alertId);
        alert.requireExtensibleBy(lifetimes.of(alert.level()));
        if (extensions.pendingOf(alertId).isPresent()) {
            throw new ConflictException("An extension of alert " + alertId + " is already waiting for a police "
                    + "decision.");
        }
        PendingExtension extension = new PendingExtension(alertId, extensions.countOf(alertId) + 1, requester,
                clock.instant());
        extensions.insert(extension);
        decisions.record(alertId, Decision.EXTENSION_REQUESTED, requester, note, extension.requestedAt());
        return extension;
    }

    @Transactional
    Alert approve(UUID alertId, Actor officer, String note) {
        Alert alert = locked(alertId);
        PendingExtension extension = decidable(alertId, officer);
        Duration lifetime = lifetimes.of(alert.level());
        Alert extended = alert.extendedBy(lifetime);
        Instant now = clock.instant();
        alerts.update(extended);
        extensions.decide(extension, true, officer, note, now);
        decisions.record(alertId, Decision.EXTENDED, officer, note, now);
        events.publishEvent(new AlertExtended(UUID.randomUUID(), now, alertId, extended.caseId(),
                extended.expiresAt(), extended.extensions(), officer));
        return extended;
    }

    @Transactional
    Alert reject(UUID alertId, Actor officer, String reason) {
        Alert alert = locked(alertId);
        PendingExtension extension = decidable(alertId, officer);
        Instant now = clock.instant();
        extensions.decide(extension, false, officer, reason, now);
        decisions.record(alertId, Decision.EXTENSION_REJECTED, officer, reason, now);
        events.publishEvent(new AlertExtensionRejected(UUID.randomUUID(), now, alertId, alert.caseId(), reason,
                officer));
        return alert;
    }

    private Alert locked(UUID alertId) {
        return alerts.lockById(alertId).orElseThrow(() -> new NotFoundException("Alert", alertId));
    }

    private PendingExtension decidable(UUID alertId, Actor officer) {
        PendingExtension extension = extensions.pendingOf(alertId).orElseThrow(() -> new ConflictException(
                "No extension of alert " + alertId + " is waiting for a decision; ask for one first."));
        if (extension.wasRequestedBy(officer)) {
            throw new ForbiddenException("You asked for this extension yourself; under the four-eyes rule another "
                    + "police officer must approve or reject it.");
        }
        return extension;
    }
}
