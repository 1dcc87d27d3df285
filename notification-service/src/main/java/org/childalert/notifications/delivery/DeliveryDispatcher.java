package org.childalert.notifications.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

import org.childalert.events.DeliveryChannel;
import org.childalert.events.NotificationDispatched;
import org.childalert.events.NotificationFailed;
import org.childalert.notifications.templates.MessageTemplates;
import org.childalert.notifications.templates.NoticeContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the delivery queue: claims due deliveries in batches ({@code FOR UPDATE SKIP LOCKED}, so
 * several instances share the work without sending anything twice), sends each through its channel, and
 * records the outcome together with its event (NotificationDispatched or NotificationFailed) in one
 * transaction. A temporary failure puts the delivery back with a doubling wait, a bounded number of times:
 * a delivery that keeps failing never holds up the others. Runs right after a transaction queued deliveries and on a poll interval as a safety net.
 */
@Component
class DeliveryDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final DeliveryQueue queue;
    private final MessageTemplates templates;
    private final TwilioSmsSender sms;
    private final EmailSender email;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final DeliveryProperties properties;
    private final ReentrantLock dispatching = new ReentrantLock();
    private final ExecutorService trigger = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "delivery-dispatcher");
        thread.setDaemon(true);
        return thread;
    });

    DeliveryDispatcher(DeliveryQueue queue, MessageTemplates templates, TwilioSmsSender sms, EmailSender email,
                       ApplicationEventPublisher events, TransactionTemplate transactions, DeliveryProperties properties) {
        this.queue = queue;
        this.templates = templates;
        this.sms = sms;
        this.email = email;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Asks for a dispatch pass without making the caller wait for the providers. */
    void dispatchSoon() {
        trigger.execute(this::dispatchPending);
    }

    @Scheduled(fixedDelayString = "${childalert.delivery.poll-interval}")
    void poll() {
        Integer released = transactions.execute(status -> queue.releaseAbandoned(properties.sendingLease()));
        if (released != null && released > 0) {
            log.warn("{} deliveries claimed by a dispatcher that stopped were given back to the queue", released);
        }
        dispatchPending();
    }

    /** Sends everything pending; returns how many deliveries were handled. */
    int dispatchPending() {
        if (!dispatching.tryLock()) {
            return 0;
        }
        try {
            int total = 0;
            List<Delivery> claimed;
            do {
                claimed = transactions.execute(status -> queue.claim(properties.batchSize()));
                if (claimed == null) {
                    break;
                }
                Map<UUID, Optional<NoticeContent>> notices = new HashMap<>();
                for (Delivery delivery : claimed) {
                    Optional<NoticeContent> notice = notices.computeIfAbsent(delivery.alertId(),
                            alertId -> transactions.execute(status -> queue.notice(alertId)));
                    send(delivery, notice.orElseThrow());
                }
                total += claimed.size();
            } while (claimed.size() == properties.batchSize());
            return total;
        } catch (RuntimeException e) {
            log.warn("Dispatch pass failed, will retry: {}", e.toString());
            return 0;
        } finally {
            dispatching.unlock();
        }
    }

    private void send(Delivery delivery, NoticeContent notice) {
        String providerMessageId;
        try {
            providerMessageId = delivery.channel() == DeliveryChannel.SMS
                    ? sms.send(delivery.address(), templates.sms(delivery.notice(), delivery.language(), notice))
                    : email.send(delivery.address(), templates.email(delivery.notice(), delivery.language(), notice),
                            delivery.recipientKind(), delivery.recipientId());
        } catch (DeliveryFailedException e) {
            failed(delivery, e.errorCode(), e.isTemporary(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            // a fault of ours (a template, a bug): this delivery waits and is retried, the others go on
            failed(delivery, "INTERNAL_ERROR", true, e.toString());
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (queue.markAccepted(delivery.id(), providerMessageId)) {
                events.publishEvent(new NotificationDispatched(UUID.randomUUID(), Instant.now(), delivery.id(),
                        delivery.alertId(), delivery.channel(), delivery.notice(), delivery.recipientKind(),
                        providerMessageId));
                queue.enqueueFoundIfAlertCancelled(delivery.id());
            }
        });
    }

    /** A temporary failure is retried later while attempts remain; otherwise the delivery is given up. */
    private void failed(Delivery delivery, String errorCode, boolean temporary, String reason) {
        if (temporary && delivery.attempts() < properties.maxAttempts()) {
            Duration delay = properties.retryDelayAfter(delivery.attempts());
            log.info("Delivery {} ({} {}) failed on attempt {}, retrying in {}: {}", delivery.id(), delivery.channel(),
                    delivery.notice(), delivery.attempts(), delay, reason);
            transactions.executeWithoutResult(status -> queue.retryLater(delivery.id(), errorCode, delay));
            return;
        }
        log.warn("Delivery {} ({} {}) failed on attempt {}, giving up: {}", delivery.id(), delivery.channel(),
                delivery.notice(), delivery.attempts(), reason);
        transactions.executeWithoutResult(status -> {
            if (queue.markFailed(delivery.id(), errorCode)) {
                events.publishEvent(new NotificationFailed(UUID.randomUUID(), Instant.now(), delivery.id(),
                        delivery.alertId(), delivery.channel(), delivery.notice(), delivery.recipientKind(), errorCode));
            }
        });
    }

    @Override
    public void destroy() {
        trigger.shutdownNow();
    }
}
