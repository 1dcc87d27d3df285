package org.childalert.notifications.fanout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.childalert.events.AcknowledgementOverdue;
import org.childalert.events.AlertCancelled;
import org.childalert.events.AlertExpired;
import org.childalert.events.AlertIssued;
import org.childalert.events.AlertUpdated;
import org.childalert.events.AlertWidened;
import org.childalert.events.NoticeKind;
import org.childalert.events.NotificationFailed;
import org.childalert.notifications.dispatch.Delivery;
import org.childalert.notifications.dispatch.DeliveryDispatcher;
import org.childalert.notifications.dispatch.DeliveryQueue;
import org.childalert.notifications.dispatch.StoredAlertNotices;
import org.childalert.notifications.targeting.Recipient;
import org.childalert.notifications.targeting.ZoneDutyContacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns alert events into queued deliveries, in the consumer's transaction. An issued or widened alert records
 * its notice and a durable fan-out job, which the {@link FanOutWorker} runs once that transaction commits: the
 * consumer never waits for a hundred thousand inserts. An update queues the UPDATED notice for everyone
 * reached; a cancellation stops the fan-out, withdraws what was not sent yet and queues the "found" notice for
 * everyone reached; an expiry stops and withdraws too, but tells nobody; an overdue acknowledgement sends the
 * alert to the zone's duty contact. The {@link DeliveryDispatcher} sends what is queued once it is committed.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class AlertNotices {

    static final String ALERT_CANCELLED = "ALERT_CANCELLED";
    static final String ALERT_EXPIRED = "ALERT_EXPIRED";
    private static final Logger log = LoggerFactory.getLogger(AlertNotices.class);

    private final StoredAlertNotices notices;
    private final DeliveryQueue queue;
    private final FanOutJobs fanOuts;
    private final FanOutWorker fanOutWorker;
    private final PoliceZoneAlerts zones;
    private final ZoneDutyContacts dutyContacts;
    private final DeliveryDispatcher dispatcher;
    private final ApplicationEventPublisher events;

    AlertNotices(StoredAlertNotices notices, DeliveryQueue queue, FanOutJobs fanOuts, FanOutWorker fanOutWorker, PoliceZoneAlerts zones,
                 ZoneDutyContacts dutyContacts, DeliveryDispatcher dispatcher, ApplicationEventPublisher events) {
        this.notices = notices;
        this.queue = queue;
        this.fanOuts = fanOuts;
        this.fanOutWorker = fanOutWorker;
        this.zones = zones;
        this.dutyContacts = dutyContacts;
        this.dispatcher = dispatcher;
        this.events = events;
    }

    public void on(AlertIssued alert) {
        notices.keepNotice(alert);
        if (!notices.isActive(alert.alertId())) {
            log.info("Alert {} issued, but it already ended here: nobody to tell", alert.alertId());
            return;
        }
        fanOuts.record(alert.alertId(), NoticeKind.ISSUED, alert.level(), alert.area(), null);
        log.info("Alert {} issued ({}, {} km): fan-out recorded", alert.alertId(), alert.level(), alert.area().radiusKm());
        afterCommit(fanOutWorker::runSoon);
    }

    /** Only the people inside the new circle who were not sent this alert on a channel get it there, as WIDENED. */
    public void on(AlertWidened widened) {
        notices.keepNotice(widened);
        if (!notices.isActive(widened.alertId())) {
            log.info("Alert {} widened, but it already ended here: nobody to tell", widened.alertId());
            return;
        }
        fanOuts.record(widened.alertId(), NoticeKind.WIDENED, widened.level(), widened.area(), widened.previousRadiusKm());
        log.info("Alert {} widened from {} to {} km: fan-out recorded", widened.alertId(), widened.previousRadiusKm(),
                widened.area().radiusKm());
        afterCommit(fanOutWorker::runSoon);
    }

    /** Everyone the alert reached is told again, with the notice as it now reads. */
    public void on(AlertUpdated update) {
        Optional<Integer> revision = notices.updateNotice(update);
        if (revision.isEmpty()) {
            log.info("Alert {} updated, but it is unknown here or ended: nobody to tell", update.alertId());
            return;
        }
        int queued = queue.enqueueUpdatedForEveryoneReached(update.alertId(), revision.get());
        log.info("Alert {} updated (revision {}): {} update notices queued", update.alertId(), revision.get(), queued);
        afterCommit(dispatcher::dispatchSoon);
    }

    public void on(AlertCancelled cancellation) {
        UUID alertId = cancellation.alertId();
        fanOuts.stop(alertId);
        if (!notices.cancelNotice(alertId, cancellation.reason())) {
            log.info("Alert {} cancelled but never issued here: nobody to tell", alertId);
            return;
        }
        withdrawPending(alertId, ALERT_CANCELLED);
        int queued = queue.enqueueFoundForEveryoneReached(alertId);
        log.info("Alert {} cancelled ({}): {} found notices queued", alertId, cancellation.reason(), queued);
        afterCommit(dispatcher::dispatchSoon);
    }

    /** The alert ran out: its fan-out stops, what was not sent is withdrawn, its description erased; nobody is told. */
    public void on(AlertExpired expiry) {
        UUID alertId = expiry.alertId();
        fanOuts.stop(alertId);
        if (!notices.expireNotice(alertId)) {
            log.info("Alert {} expired, but it is unknown here or ended already", alertId);
            return;
        }
        int withdrawn = withdrawPending(alertId, ALERT_EXPIRED);
        log.info("Alert {} expired: {} pending deliveries withdrawn", alertId, withdrawn);
    }

    /**
     * Nobody in a zone acknowledged in time: the alert goes, as an ESCALATION notice, to the zone's duty contact
     * (or the on-duty contacts of its unit), once per zone and alert.
     */
    public void on(AcknowledgementOverdue overdue) {
        if (!notices.isActive(overdue.alertId())) {
            log.info("Acknowledgement of alert {} overdue in zone {}, but the alert is unknown here or ended",
                    overdue.alertId(), overdue.zoneId());
            return;
        }
        if (!zones.firstEscalation(overdue.alertId(), overdue.zoneId(), overdue.zoneName())) {
            log.info("Zone {} of alert {} was escalated already", overdue.zoneId(), overdue.alertId());
            return;
        }
        List<Recipient> contacts = dutyContacts.of(overdue.zoneId());
        if (contacts.isEmpty()) {
            log.warn("Acknowledgement of alert {} overdue in zone {} ({}), but nobody of that zone can be reached",
                    overdue.alertId(), overdue.zoneId(), overdue.zoneName());
            return;
        }
        int queued = queue.enqueue(overdue.alertId(), NoticeKind.ESCALATION, contacts);
        log.info("Acknowledgement of alert {} overdue in zone {}: {} escalation notices queued", overdue.alertId(),
                overdue.zoneId(), queued);
        afterCommit(dispatcher::dispatchSoon);
    }

    private int withdrawPending(UUID alertId, String errorCode) {
        List<Delivery> withdrawn = queue.withdrawPending(alertId, errorCode);
        for (Delivery delivery : withdrawn) {
            events.publishEvent(new NotificationFailed(UUID.randomUUID(), Instant.now(), delivery.id(), alertId,
                    delivery.channel(), delivery.notice(), delivery.recipientKind(), errorCode));
        }
        return withdrawn.size();
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
