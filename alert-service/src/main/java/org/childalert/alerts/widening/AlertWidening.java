package org.childalert.alerts.widening;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.childalert.alerts.lifecycle.Alert;
import org.childalert.alerts.lifecycle.AlertRepository;
import org.childalert.alerts.lifecycle.AlertStatus;
import org.childalert.alerts.lifecycle.Decision;
import org.childalert.alerts.lifecycle.DecisionLog;
import org.childalert.alerts.timers.AlertTimers;
import org.childalert.alerts.timers.DueTimer;
import org.childalert.alerts.timers.TimerHandler;
import org.childalert.alerts.timers.TimerKind;
import org.childalert.events.Actor;
import org.childalert.events.AlertIssued;
import org.childalert.events.AlertWidened;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Widens active alerts on their level's schedule (one timer per step, scheduled when the alert is issued): the
 * schedule is part of what police approved with the alert, so it runs without a new approval. (A widening asked
 * for by hand is a change that needs its own four-eyes approval: see the {@code updates} package.) Each widening
 * is announced by an {@link AlertWidened} carrying the previous radius, so that only the recipients newly
 * covered are notified.
 */
@Component
class AlertWidening implements TimerHandler {

    static final Actor SCHEDULE = new Actor("alert-service", "widening-schedule");

    private final AlertRepository alerts;
    private final WideningSchedule schedule;
    private final AlertTimers timers;
    private final DecisionLog decisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertWidening(AlertRepository alerts, WideningSchedule schedule, AlertTimers timers, DecisionLog decisions,
                  ApplicationEventPublisher events, Clock clock) {
        this.alerts = alerts;
        this.schedule = schedule;
        this.timers = timers;
        this.decisions = decisions;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(AlertIssued issued) {
        for (WideningSchedule.Step step : schedule.of(issued.level())) {
            if (step.radiusKm() > issued.area().radiusKm()) {
                timers.schedule(issued.alertId(), TimerKind.WIDENING, decimal(step.radiusKm()),
                        issued.occurredAt().plus(step.after()));
            }
        }
    }

    @Override
    public TimerKind kind() {
        return TimerKind.WIDENING;
    }

    @Override
    public String fire(DueTimer timer) {
        Alert alert = alerts.lockById(timer.alertId()).orElseThrow();
        double radiusKm = Double.parseDouble(timer.detail());
        if (alert.status() != AlertStatus.ACTIVE) {
            return "obsolete: the alert is " + alert.status();
        }
        if (radiusKm <= alert.radiusKm()) {
            return "obsolete: the alert already covers " + decimal(alert.radiusKm()) + " km";
        }
        widen(alert, radiusKm, SCHEDULE, "scheduled " + Duration.between(alert.issuedAt(), timer.dueAt())
                + " after issue");
        return "widened to " + timer.detail() + " km";
    }

    private Alert widen(Alert alert, double radiusKm, Actor by, String why) {
        Alert widened = alert.widenedTo(radiusKm);
        alerts.update(widened);
        Instant now = clock.instant();
        decisions.record(widened.id(), Decision.WIDENED, by,
                "from " + decimal(alert.radiusKm()) + " km to " + decimal(radiusKm) + " km (" + why + ")", now);
        events.publishEvent(new AlertWidened(UUID.randomUUID(), now, widened.id(), widened.caseId(), widened.level(),
                widened.area(), alert.radiusKm(), widened.expiresAt(), widened.notice(), by));
        return widened;
    }

    private static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
