package org.childalert.notifications.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.childalert.events.AlertCancelled;
import org.childalert.events.AlertIssued;
import org.childalert.events.NoticeKind;
import org.childalert.events.NotificationFailed;
import org.childalert.notifications.targeting.Recipient;
import org.childalert.notifications.targeting.RecipientResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns alert events into queued deliveries, in the consumer's transaction: an issued alert queues its
 * notice for every recipient in its area; a cancelled one queues the "found" notice for everyone reached
 * and withdraws what was not sent yet. The {@link DeliveryDispatcher} sends them once that transaction commits.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class AlertNotices {

    static final String ALERT_CANCELLED = "ALERT_CANCELLED";
    private static final Logger log = LoggerFactory.getLogger(AlertNotices.class);
    private static final int INSERT_BATCH = 500;

    private final DeliveryQueue queue;
    private final RecipientResolver recipients;
    private final DeliveryDispatcher dispatcher;
    private final ApplicationEventPublisher events;

    AlertNotices(DeliveryQueue queue, RecipientResolver recipients, DeliveryDispatcher dispatcher, ApplicationEventPublisher events) {
        this.queue = queue;
        this.recipients = recipients;
        this.dispatcher = dispatcher;
        this.events = events;
    }

    public void on(AlertIssued alert) {
        queue.keepNotice(alert);
        int queued = 0;
        List<Recipient> batch = new ArrayList<>(INSERT_BATCH);
        try (Stream<Recipient> inArea = recipients.recipients(alert.area(), alert.level())) {
            for (Recipient recipient : (Iterable<Recipient>) inArea::iterator) {
                batch.add(recipient);
                if (batch.size() == INSERT_BATCH) {
                    queued += queue.enqueue(alert.alertId(), NoticeKind.ISSUED, batch);
                    batch.clear();
                }
            }
        }
        queued += queue.enqueue(alert.alertId(), NoticeKind.ISSUED, batch);
        log.info("Alert {} issued ({}): {} deliveries queued", alert.alertId(), alert.level(), queued);
        dispatchAfterCommit();
    }

    public void on(AlertCancelled cancellation) {
        UUID alertId = cancellation.alertId();
        if (!queue.cancelNotice(alertId, cancellation.reason())) {
            log.info("Alert {} cancelled but never issued here: nobody to tell", alertId);
            return;
        }
        for (Delivery withdrawn : queue.withdrawPending(alertId, ALERT_CANCELLED)) {
            events.publishEvent(new NotificationFailed(UUID.randomUUID(), Instant.now(), withdrawn.id(), alertId,
                    withdrawn.channel(), withdrawn.notice(), withdrawn.recipientKind(), ALERT_CANCELLED));
        }
        int queued = queue.enqueueFoundForEveryoneReached(alertId);
        log.info("Alert {} cancelled ({}): {} found notices queued", alertId, cancellation.reason(), queued);
        dispatchAfterCommit();
    }

    private void dispatchAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.dispatchSoon();
            }
        });
    }
}
