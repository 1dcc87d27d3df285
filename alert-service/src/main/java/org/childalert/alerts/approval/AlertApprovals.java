package org.childalert.alerts.approval;

import java.time.Clock;
import java.util.UUID;

import org.childalert.alerts.lifecycle.Alert;
import org.childalert.alerts.lifecycle.AlertRepository;
import org.childalert.alerts.lifecycle.Decision;
import org.childalert.alerts.lifecycle.DecisionLog;
import org.childalert.alerts.web.ForbiddenException;
import org.childalert.kit.web.NotFoundException;
import org.childalert.events.Actor;
import org.childalert.events.AlertIssued;
import org.childalert.events.AlertRejected;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The police's decision on an escalation, under the four-eyes rule: whoever requested an escalation never
 * decides on it. Approval issues the alert for its level's lifetime; rejection ends it. Each decision is in
 * the audit trail and announced by an event, in the same transaction.
 */
@Service
class AlertApprovals {

    private final AlertRepository alerts;
    private final DecisionLog decisions;
    private final ApplicationEventPublisher events;
    private final AlertLifetimes lifetimes;
    private final Clock clock;

    AlertApprovals(AlertRepository alerts, DecisionLog decisions, ApplicationEventPublisher events,
                   AlertLifetimes lifetimes, Clock clock) {
        this.alerts = alerts;
        this.decisions = decisions;
        this.events = events;
        this.lifetimes = lifetimes;
        this.clock = clock;
    }

    @Transactional
    Alert approve(UUID alertId, Actor officer, String note) {
        Alert alert = decidable(alertId, officer);
        Alert issued = alert.approvedBy(officer, clock.instant(), lifetimes.of(alert.level()));
        alerts.update(issued);
        decisions.record(issued.id(), Decision.APPROVED, officer, note, issued.decidedAt());
        events.publishEvent(new AlertIssued(UUID.randomUUID(), issued.issuedAt(), issued.id(), issued.caseId(),
                issued.level(), issued.area(), issued.expiresAt(),
                new AlertIssued.Notice(issued.child().firstName(), issued.child().age(), issued.child().description(),
                        issued.lastSeen().place(), issued.lastSeen().at()),
                officer));
        return issued;
    }

    @Transactional
    Alert reject(UUID alertId, Actor officer, String reason) {
        Alert alert = decidable(alertId, officer);
        Alert rejected = alert.rejectedBy(officer, clock.instant(), reason);
        alerts.update(rejected);
        decisions.record(rejected.id(), Decision.REJECTED, officer, reason, rejected.decidedAt());
        events.publishEvent(new AlertRejected(UUID.randomUUID(), rejected.decidedAt(), rejected.id(), rejected.caseId(),
                reason, officer));
        return rejected;
    }

    /** The alert, locked against a concurrent decision, if this officer may decide on it at all. */
    private Alert decidable(UUID alertId, Actor officer) {
        Alert alert = alerts.lockById(alertId).orElseThrow(() -> new NotFoundException("Alert", alertId));
        if (alert.wasRequestedBy(officer.subject())) {
            throw new ForbiddenException("You requested this escalation yourself; under the four-eyes rule "
                    + "another police officer must approve or reject it.");
        }
        return alert;
    }
}
