package org.childalert.alerts.lifecycle;

import java.time.Clock;
import java.util.UUID;

import org.childalert.kit.web.NotFoundException;
import org.childalert.events.Actor;
import org.childalert.events.AlertCancelled;
import org.childalert.events.CaseResolved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends alerts: on request of a coordinator or police officer, and whenever the case is closed. An active
 * alert becomes {@code CANCELLED}, a pending escalation {@code WITHDRAWN}; either way an
 * {@link AlertCancelled} tells everyone concerned, so that the child's data is withdrawn wherever it went.
 * The alert's own copy of the description and photo is erased at once, and the receipt of that withdrawal
 * goes to the audit trail.
 */
@Service
public class AlertCancellations {

    private final AlertRepository alerts;
    private final DecisionLog decisions;
    private final DataWithdrawals withdrawals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertCancellations(AlertRepository alerts, DecisionLog decisions, DataWithdrawals withdrawals,
                       ApplicationEventPublisher events, Clock clock) {
        this.alerts = alerts;
        this.decisions = decisions;
        this.withdrawals = withdrawals;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Alert cancel(UUID alertId, CancellationReason reason, Actor cancelledBy) {
        Alert alert = alerts.lockById(alertId).orElseThrow(() -> new NotFoundException("Alert", alertId));
        return end(alert, reason, cancelledBy);
    }

    /** The case was closed: every alert still pending or active for it ends with the case's outcome. */
    @Transactional
    public void onCaseResolved(CaseResolved resolved) {
        CancellationReason reason = CancellationReason.of(resolved.outcome());
        for (Alert alert : alerts.lockRunningOfCase(resolved.caseId())) {
            end(alert, reason, resolved.resolvedBy());
        }
    }

    private Alert end(Alert alert, CancellationReason reason, Actor by) {
        Alert ended = alert.cancelled(clock.instant(), reason);
        alerts.update(ended);
        Decision decision = ended.status() == AlertStatus.CANCELLED ? Decision.CANCELLED : Decision.WITHDRAWN;
        decisions.record(ended.id(), decision, by, reason.name(), ended.cancelledAt());
        withdrawals.record(alert, by, reason.name(), ended.cancelledAt());
        events.publishEvent(new AlertCancelled(UUID.randomUUID(), ended.cancelledAt(), ended.id(), ended.caseId(),
                reason.name(), by));
        return ended;
    }
}
