package org.childalert.alerts.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.childalert.alerts.timers.AlertTimers;
import org.childalert.alerts.timers.DueTimer;
import org.childalert.alerts.timers.TimerHandler;
import org.childalert.alerts.timers.TimerKind;
import org.childalert.events.Actor;
import org.childalert.events.AlertExpired;
import org.childalert.events.AlertExtended;
import org.childalert.events.AlertIssued;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends an active alert when its time is up. The expiry timer is scheduled when the alert is issued and again
 * whenever it is extended, in that same transaction; a timer that fires for an expiry that has since moved
 * (or for an alert that already ended) does nothing.
 */
@Component
class AlertExpiry implements TimerHandler {

    static final Actor EXPIRY = new Actor("alert-service", "expiry-timer");

    private final AlertRepository alerts;
    private final AlertTimers timers;
    private final DecisionLog decisions;
    private final DataWithdrawals withdrawals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertExpiry(AlertRepository alerts, AlertTimers timers, DecisionLog decisions, DataWithdrawals withdrawals,
                ApplicationEventPublisher events, Clock clock) {
        this.alerts = alerts;
        this.timers = timers;
        this.decisions = decisions;
        this.withdrawals = withdrawals;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(AlertIssued issued) {
        timers.schedule(issued.alertId(), TimerKind.EXPIRY, "", issued.expiresAt());
    }

    @EventListener
    void on(AlertExtended extended) {
        timers.schedule(extended.alertId(), TimerKind.EXPIRY, "", extended.expiresAt());
    }

    @Override
    public TimerKind kind() {
        return TimerKind.EXPIRY;
    }

    @Override
    public String fire(DueTimer timer) {
        Alert alert = alerts.lockById(timer.alertId()).orElseThrow();
        Instant now = clock.instant();
        if (!alert.isDueToExpireAt(now)) {
            return "obsolete: the alert is " + alert.status() + " and expires at " + alert.expiresAt();
        }
        Alert expired = alert.expired();
        alerts.update(expired);
        decisions.record(expired.id(), Decision.EXPIRED, EXPIRY, "expired at " + expired.expiresAt(), now);
        withdrawals.record(alert, EXPIRY, "EXPIRED", now);
        events.publishEvent(new AlertExpired(UUID.randomUUID(), now, expired.id(), expired.caseId()));
        return "expired";
    }
}
