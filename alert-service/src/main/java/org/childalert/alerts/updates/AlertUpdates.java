package org.childalert.alerts.updates;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.childalert.alerts.lifecycle.Alert;
import org.childalert.alerts.lifecycle.AlertRepository;
import org.childalert.alerts.lifecycle.Decision;
import org.childalert.alerts.lifecycle.DecisionLog;
import org.childalert.alerts.lifecycle.PublicLinks;
import org.childalert.alerts.web.NotFoundException;
import org.childalert.events.Actor;
import org.childalert.events.AlertUpdated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * New information on an active alert (a new description, a photo): stored, recorded in the audit trail and
 * announced by an {@link AlertUpdated} so that everyone reached is told again; the CAP form becomes an Update.
 */
@Service
class AlertUpdates {

    private final AlertRepository alerts;
    private final DecisionLog decisions;
    private final ApplicationEventPublisher events;
    private final PublicLinks links;
    private final Clock clock;

    AlertUpdates(AlertRepository alerts, DecisionLog decisions, ApplicationEventPublisher events, PublicLinks links,
                 Clock clock) {
        this.alerts = alerts;
        this.decisions = decisions;
        this.events = events;
        this.links = links;
        this.clock = clock;
    }

    @Transactional
    Alert update(UUID alertId, String description, Alert.Photo photo, Actor by) {
        Alert alert = alerts.lockById(alertId).orElseThrow(() -> new NotFoundException("Alert", alertId));
        Alert updated = alert.updated(description, photo);
        alerts.update(updated);
        Instant now = clock.instant();
        decisions.record(alertId, Decision.UPDATED, by, whatChanged(description, photo), now);
        events.publishEvent(new AlertUpdated(UUID.randomUUID(), now, alertId, updated.caseId(), updated.notice(),
                updated.photo() == null ? null : links.photo(alertId), by));
        return updated;
    }

    private static String whatChanged(String description, Alert.Photo photo) {
        if (description != null && photo != null) {
            return "new description and photo";
        }
        return description != null ? "new description" : "new photo";
    }
}
