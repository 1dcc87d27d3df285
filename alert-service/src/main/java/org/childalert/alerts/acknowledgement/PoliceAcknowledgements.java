package org.childalert.alerts.acknowledgement;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import org.childalert.kit.web.ConflictException;
import org.childalert.kit.web.NotFoundException;
import org.childalert.events.AcknowledgementOverdue;
import org.childalert.events.Actor;
import org.childalert.events.AlertAcknowledged;
import org.childalert.events.PoliceAcknowledged;
import org.childalert.events.PoliceZoneAlerted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each police zone an alert reaches must acknowledge it in time. The notification-service, which knows the
 * zones and their contacts, says which zones it reached ({@link PoliceZoneAlerted}); from then the zone has
 * the configured deadline (a timer). An officer acknowledges through the API, or a contact by replying to the
 * SMS ({@link PoliceAcknowledged}). A zone that has not acknowledged when its deadline fires is overdue: an
 * {@link AcknowledgementOverdue} makes the notification-service alert the zone's duty contact and puts it on
 * the coordinator's case timeline.
 */
@Service
public class PoliceAcknowledgements implements TimerHandler {

    static final String VIA_API = "API";
    static final String VIA_SMS = "SMS";
    static final Actor DEADLINE = new Actor("alert-service", "acknowledgement-deadline");
    private static final Logger log = LoggerFactory.getLogger(PoliceAcknowledgements.class);

    private final ZoneAlerts zones;
    private final AlertRepository alerts;
    private final AlertTimers timers;
    private final DecisionLog decisions;
    private final ApplicationEventPublisher events;
    private final AcknowledgementProperties properties;
    private final Clock clock;

    PoliceAcknowledgements(ZoneAlerts zones, AlertRepository alerts, AlertTimers timers, DecisionLog decisions,
                           ApplicationEventPublisher events, AcknowledgementProperties properties, Clock clock) {
        this.zones = zones;
        this.alerts = alerts;
        this.timers = timers;
        this.decisions = decisions;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** The notification-service reached a zone with this alert: its acknowledgement deadline starts now. */
    @Transactional
    public void onZoneAlerted(PoliceZoneAlerted alerted) {
        Optional<Alert> alert = alerts.findById(alerted.alertId());
        if (alert.isEmpty() || alert.get().status() != AlertStatus.ACTIVE) {
            log.info("Zone {} reached for alert {}, which is {}: no acknowledgement expected", alerted.zoneId(),
                    alerted.alertId(), alert.map(a -> a.status().name()).orElse("unknown"));
            return;
        }
        Instant deadline = alerted.occurredAt().plus(properties.deadline());
        boolean first = zones.insert(new ZoneAlert(alerted.alertId(), alerted.zoneId(), alerted.zoneName(),
                alerted.occurredAt(), deadline, null, null, null, null));
        if (first) {
            timers.schedule(alerted.alertId(), TimerKind.ACKNOWLEDGEMENT_DEADLINE, alerted.zoneId(), deadline);
        }
    }

    /** An officer acknowledges, for their zone, an alert that reached it. */
    @Transactional
    ZoneAlert acknowledge(UUID alertId, String zoneId, Actor officer) {
        Alert alert = alerts.findById(alertId).orElseThrow(() -> new NotFoundException("Alert", alertId));
        ZoneAlert zone = zones.lock(alertId, zoneId).orElseThrow(() -> new NotFoundException(
                "Police zone '" + zoneId + "' reached by alert", alertId));
        if (zone.acknowledged()) {
            return zone;
        }
        if (alert.status() != AlertStatus.ACTIVE) {
            throw new ConflictException("Alert " + alertId + " is " + alert.status()
                    + "; only an ACTIVE alert can be acknowledged.");
        }
        return record(alert, zone, officer, VIA_API);
    }

    /** A police contact acknowledged by replying to the alert's SMS (told by the notification-service). */
    @Transactional
    public void onPoliceAcknowledged(PoliceAcknowledged acknowledged) {
        Optional<Alert> alert = alerts.findById(acknowledged.alertId());
        Optional<ZoneAlert> zone = zones.lock(acknowledged.alertId(), acknowledged.zoneId());
        if (alert.isEmpty() || zone.isEmpty()) {
            log.warn("SMS acknowledgement of alert {} by zone {} that this alert did not reach: ignored",
                    acknowledged.alertId(), acknowledged.zoneId());
            return;
        }
        if (zone.get().acknowledged() || alert.get().status() != AlertStatus.ACTIVE) {
            log.info("SMS acknowledgement of alert {} by zone {}: already acknowledged or alert {}; nothing to do",
                    acknowledged.alertId(), acknowledged.zoneId(), alert.get().status());
            return;
        }
        record(alert.get(), zone.get(), acknowledged.contact(), VIA_SMS);
    }

    List<ZoneAlert> zonesOf(UUID alertId) {
        if (alerts.findById(alertId).isEmpty()) {
            throw new NotFoundException("Alert", alertId);
        }
        return zones.ofAlert(alertId);
    }

    private ZoneAlert record(Alert alert, ZoneAlert zone, Actor by, String via) {
        Instant now = clock.instant();
        zones.acknowledge(alert.id(), zone.zoneId(), by, via, now);
        events.publishEvent(new AlertAcknowledged(UUID.randomUUID(), now, alert.id(), alert.caseId(), zone.zoneId(),
                via, by));
        return new ZoneAlert(zone.alertId(), zone.zoneId(), zone.zoneName(), zone.alertedAt(), zone.deadline(), now,
                by, via, zone.escalatedAt());
    }

    @Override
    public TimerKind kind() {
        return TimerKind.ACKNOWLEDGEMENT_DEADLINE;
    }

    @Override
    public String fire(DueTimer timer) {
        Alert alert = alerts.lockById(timer.alertId()).orElseThrow();
        ZoneAlert zone = zones.lock(timer.alertId(), timer.detail()).orElseThrow();
        if (zone.acknowledged()) {
            return "obsolete: acknowledged at " + zone.acknowledgedAt();
        }
        if (alert.status() != AlertStatus.ACTIVE) {
            return "obsolete: the alert is " + alert.status();
        }
        Instant now = clock.instant();
        zones.escalate(alert.id(), zone.zoneId(), now);
        decisions.record(alert.id(), Decision.ACKNOWLEDGEMENT_OVERDUE, DEADLINE,
                "zone " + zone.zoneId() + " (" + zone.zoneName() + ") did not acknowledge by " + zone.deadline(), now);
        events.publishEvent(new AcknowledgementOverdue(UUID.randomUUID(), now, alert.id(), alert.caseId(),
                zone.zoneId(), zone.zoneName(), zone.alertedAt(), zone.deadline()));
        return "escalated to the duty contact of zone " + zone.zoneId();
    }
}
