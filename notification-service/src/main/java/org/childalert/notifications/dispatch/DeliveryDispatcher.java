package org.childalert.notifications.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.childalert.events.ApprovalKind;
import org.childalert.events.DeliveryChannel;
import org.childalert.events.NoticeKind;
import org.childalert.kit.messaging.TraceContexts;
import org.childalert.notifications.email.EmailSender;
import org.childalert.notifications.providers.CircuitBreaker;
import org.childalert.notifications.providers.DeliveryFailedException;
import org.childalert.notifications.providers.ProviderCircuits;
import org.childalert.notifications.providers.SendingProperties;
import org.childalert.notifications.sms.TwilioSmsSender;
import org.childalert.notifications.templates.Language;
import org.childalert.notifications.templates.MessageTemplates;
import org.childalert.notifications.templates.NoticeContent;
import org.childalert.notifications.templates.RenderedEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the delivery queue, many messages at once. One coordinating thread per instance claims due
 * deliveries per channel ({@code FOR UPDATE SKIP LOCKED}, so several instances share the work and no delivery
 * is claimed twice), as many as that channel's senders can take (twice their number), and hands them to the
 * channel's pool of senders: {@code sms-workers} threads calling Twilio, {@code email-workers} threads each
 * with its own open SMTP connection. Each sender asks the provider's {@link CircuitBreaker} first (while it is
 * open the delivery goes back to the queue, its attempt given back), then sends, and hands the outcome to
 * {@link DeliveryOutcomes}, which records outcomes and their events in batches.
 *
 * <p>A temporary failure puts the delivery back with a doubling wait, with jitter (so that deliveries that
 * failed together do not come back together), a bounded number of times: a delivery that keeps failing never
 * holds up the others. Runs right after a transaction queued deliveries and on a poll interval as a safety net.
 */
@Component
public class DeliveryDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    /**
     * A message's text depends on its notice's content, its kind and its language only, never on its recipient (an
     * email's unsubscribe link is added to each by {@code EmailSender}). The content is part of the key, so that an
     * alert's changed notice (an update, a new photo) is never sent with the words of the one before.
     */
    private record TextKey(UUID alertId, NoticeKind notice, Language language, NoticeContent content,
                           ApprovalKind approval) {

        static TextKey of(Delivery delivery, NoticeContent content, ApprovalKind approval) {
            return new TextKey(delivery.alertId(), delivery.notice(), delivery.language(), content, approval);
        }
    }

    /**
     * The texts being sent, each made once, by the first sender that needs it (a template error is still that
     * delivery's failure). Made once per batch, they still cost a twelfth of the service's CPU in a national
     * fan-out (String.format, dates, HTML escaping, thousands of batches); a handful of alerts are sent at a time,
     * so the maps are simply emptied when they hold more than {@link #TEXTS_KEPT} texts.
     */
    private record Texts(Map<TextKey, String> sms, Map<TextKey, RenderedEmail> email) {

        Texts() {
            this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }

        <T> T of(Map<TextKey, T> texts, TextKey key, java.util.function.Function<TextKey, T> render) {
            T text = texts.get(key);
            if (text != null) {
                return text;
            }
            if (texts.size() >= TEXTS_KEPT) {
                texts.clear();
            }
            return texts.computeIfAbsent(key, render);
        }
    }

    static final int TEXTS_KEPT = 256;

    /**
     * The senders of one channel, how many more deliveries they can take, and the least room worth a claim: a
     * quarter of what they hold. Claiming whenever one sender finished made claims of one to three rows, hundreds
     * a second in a national fan-out, each a transaction walking the queue's index; with a quarter of the room the
     * senders still hold three quarters of their work while the next claim is made.
     */
    private record Lane(ThreadPoolExecutor senders, Semaphore room, int claimAtLeast) {
    }

    private final DeliveryQueue queue;
    private final StoredAlertNotices notices;
    private final MessageTemplates templates;
    private final TwilioSmsSender sms;
    private final EmailSender email;
    private final DeliveryOutcomes outcomes;
    private final ProviderCircuits circuits;
    private final TransactionTemplate transactions;
    private final DeliveryProperties properties;
    private final Map<DeliveryChannel, Lane> lanes = new EnumMap<>(DeliveryChannel.class);
    private final TraceContexts traces;
    private final Texts texts = new Texts();
    private final Object roomFreed = new Object();
    private final ReentrantLock dispatching = new ReentrantLock();
    private volatile boolean stopping;
    private final ExecutorService trigger = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "delivery-dispatcher");
        thread.setDaemon(true);
        return thread;
    });

    DeliveryDispatcher(DeliveryQueue queue, StoredAlertNotices notices, MessageTemplates templates, TwilioSmsSender sms, EmailSender email,
                       DeliveryOutcomes outcomes, ProviderCircuits circuits, TransactionTemplate transactions,
                       DeliveryProperties properties, SendingProperties sending, TraceContexts traces) {
        this.queue = queue;
        this.traces = traces;
        this.notices = notices;
        this.templates = templates;
        this.sms = sms;
        this.email = email;
        this.outcomes = outcomes;
        this.circuits = circuits;
        this.transactions = transactions;
        this.properties = properties;
        lanes.put(DeliveryChannel.SMS, lane("sms-sender", sending.smsWorkers(), sending.inFlight(sending.smsWorkers())));
        lanes.put(DeliveryChannel.EMAIL, lane("email-sender", sending.emailWorkers(), sending.inFlight(sending.emailWorkers())));
        outcomes.afterMoreQueued(this::dispatchSoon);
    }

    private static Lane lane(String name, int senders, int inFlight) {
        AtomicInteger number = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(senders, senders, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread thread = new Thread(r, name + "-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return new Lane(pool, new Semaphore(inFlight), Math.max(1, inFlight / 4));
    }

    /** Asks for a dispatch pass without making the caller wait for the providers. */
    public void dispatchSoon() {
        if (!stopping) {
            trigger.execute(this::dispatchPending);
        }
    }

    @Scheduled(fixedDelayString = "${childalert.delivery.poll-interval}")
    void poll() {
        Integer released = transactions.execute(status -> queue.releaseAbandoned(properties.sendingLease(), outcomes.inHand()));
        if (released != null && released > 0) {
            log.warn("{} deliveries claimed by a dispatcher that stopped were given back to the queue", released);
        }
        dispatchSoon(); // a pass can last as long as a big alert: never in the scheduler's own thread
    }

    /**
     * Claims and hands out everything due, channel by channel, as fast as the senders take it; returns how many
     * deliveries were handed out. Returns when nothing is due on any channel it may claim for (a channel whose
     * breaker is open is left alone); the senders may still be working on the last ones.
     */
    int dispatchPending() {
        if (!dispatching.tryLock()) {
            return 0;
        }
        try {
            int total = 0;
            while (!stopping) {
                boolean more = false;
                boolean handedOut = false;
                for (Map.Entry<DeliveryChannel, Lane> entry : lanes.entrySet()) {
                    DeliveryChannel channel = entry.getKey();
                    Lane lane = entry.getValue();
                    int free = lane.room().availablePermits();
                    int room = free >= lane.claimAtLeast() ? Math.min(properties.batchSize(), free) : 0;
                    CircuitBreaker breaker = circuits.of(channel);
                    int wanted = breaker.claimable(room);
                    if (wanted == 0) {
                        more |= room == 0 && breaker.state() == CircuitBreaker.State.CLOSED;
                        continue;
                    }
                    List<Delivery> claimed = transactions.execute(status -> queue.claim(channel, wanted));
                    if (claimed == null || claimed.isEmpty()) {
                        continue;
                    }
                    outcomes.claimed(claimed);
                    try {
                        handOut(claimed, lane);
                    } catch (RuntimeException e) {
                        outcomes.letGo(claimed); // never reached a sender: the lease gives them back
                        throw e;
                    }
                    total += claimed.size();
                    handedOut = true;
                    more |= claimed.size() == wanted;
                }
                if (!more) {
                    break;
                }
                if (!handedOut) {
                    synchronized (roomFreed) {
                        roomFreed.wait(100);
                    }
                }
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (RuntimeException e) {
            log.warn("Dispatch pass failed, will retry: {}", e.toString());
            return 0;
        } finally {
            dispatching.unlock();
        }
    }

    private void handOut(List<Delivery> claimed, Lane lane) {
        Map<UUID, Optional<StoredAlertNotices.ForSending>> notices = new HashMap<>();
        Map<Map.Entry<UUID, Integer>, ApprovalKind> approvals = new HashMap<>();
        Map<UUID, Integer> perAlert = new HashMap<>();
        for (Delivery delivery : claimed) {
            Optional<StoredAlertNotices.ForSending> stored = notices.computeIfAbsent(delivery.alertId(),
                    alertId -> this.notices.forSending(alertId));
            if (stored.isEmpty() && delivery.notice() != NoticeKind.APPROVAL_REQUESTED) {
                // an approval request is rendered without the alert's notice (the alert may not be issued yet)
                throw new IllegalStateException("No notice stored for alert " + delivery.alertId());
            }
            if (delivery.notice() == NoticeKind.APPROVAL_REQUESTED) {
                approvals.computeIfAbsent(Map.entry(delivery.alertId(), delivery.revision()),
                        request -> this.notices.approvalKind(request.getKey(), request.getValue()));
            }
            perAlert.merge(delivery.alertId(), 1, Integer::sum);
        }
        Map<UUID, SendSpan> spans = new HashMap<>();
        perAlert.forEach((alertId, count) -> spans.put(alertId,
                new SendSpan(startSendSpan(alertId, claimed.get(0).channel(), count,
                        notices.get(alertId).map(StoredAlertNotices.ForSending::traceparent).orElse(null)),
                        new AtomicInteger(count))));
        lane.room().acquireUninterruptibly(claimed.size());
        for (Delivery delivery : claimed) {
            NoticeContent notice = notices.get(delivery.alertId()).map(StoredAlertNotices.ForSending::content).orElse(null);
            ApprovalKind approval = approvals.get(Map.entry(delivery.alertId(), delivery.revision()));
            SendSpan span = spans.get(delivery.alertId());
            lane.senders().execute(() -> {
                try (Tracer.SpanInScope scope = traces.inScope(span.span())) {
                    send(delivery, notice, approval);
                } catch (RuntimeException e) {
                    span.span().error(e);
                    throw e;
                } finally {
                    if (span.left().decrementAndGet() == 0) {
                        span.span().end();
                    }
                    lane.room().release();
                    synchronized (roomFreed) {
                        roomFreed.notifyAll();
                    }
                }
            });
        }
    }

    /** The span of one alert's messages in one claimed batch, ended by the sender that finishes the last of them. */
    private record SendSpan(Span span, AtomicInteger left) {
    }

    /**
     * One span of the alert's trace per claimed batch of its messages (a CLIENT span: the calls to Twilio or the SMTP
     * server), tagged with the alert, the channel and how many messages; never an address or a text. A span per
     * message made a national alert's trace 100,000 spans long, which no tracing UI shows, and cost about a tenth
     * of the service's CPU in the fan-out; each sender works in the batch's span, so its log lines carry the trace.
     */
    private Span startSendSpan(UUID alertId, DeliveryChannel channel, int messages, String alertTrace) {
        boolean bySms = channel == DeliveryChannel.SMS;
        return traces.startContinuing(alertTrace, bySms ? "sms send" : "email send", Span.Kind.CLIENT)
                .remoteServiceName(bySms ? "twilio" : "smtp")
                .tag("childalert.alert_id", alertId.toString())
                .tag("childalert.channel", channel.name())
                .tag("childalert.messages", String.valueOf(messages));
    }

    /** In a sender's thread: one message, at most one call to its provider. */
    private void send(Delivery delivery, NoticeContent notice, ApprovalKind approval) {
        CircuitBreaker breaker = circuits.of(delivery.channel());
        if (!breaker.tryCall()) {
            outcomes.add(new SendOutcome.Released(delivery, breaker.retryAt()));
            return;
        }
        String providerMessageId;
        try {
            providerMessageId = delivery.channel() == DeliveryChannel.SMS
                    ? sms.send(delivery.address(), texts.of(texts.sms(), TextKey.of(delivery, notice, approval),
                            key -> key.approval() != null ? templates.approvalSms(key.approval(), key.language())
                                    : templates.sms(key.notice(), key.language(), key.content())))
                    : email.send(delivery.address(), texts.of(texts.email(), TextKey.of(delivery, notice, approval),
                            key -> key.approval() != null ? templates.approvalEmail(key.approval(), key.language())
                                    : templates.email(key.notice(), key.language(), key.content())),
                            delivery.recipientKind(), delivery.recipientId());
        } catch (DeliveryFailedException e) {
            if (e.isProviderUnwell()) {
                breaker.onFailure();
            } else {
                breaker.onSuccess(); // it answered, if only to refuse this one message
            }
            outcomes.add(failed(delivery, e.errorCode(), e.isTemporary(), e.getMessage()));
            return;
        } catch (RuntimeException e) {
            // a fault of ours (a template, a bug, stopping): this delivery waits and is retried, the others go on
            breaker.onNoAnswer();
            outcomes.add(failed(delivery, "INTERNAL_ERROR", true, e.toString()));
            return;
        }
        breaker.onSuccess();
        outcomes.add(new SendOutcome.Accepted(delivery, providerMessageId, Instant.now()));
    }

    /** A temporary failure is retried later while attempts remain; otherwise the delivery is given up. */
    private SendOutcome failed(Delivery delivery, String errorCode, boolean temporary, String reason) {
        if (temporary && delivery.attempts() < properties.maxAttempts()) {
            Duration delay = withJitter(properties.retryDelayAfter(delivery.attempts()));
            log.info("Delivery {} ({} {}) failed on attempt {}, retrying in {}: {}", delivery.id(), delivery.channel(),
                    delivery.notice(), delivery.attempts(), delay, reason);
            return new SendOutcome.RetryLater(delivery, errorCode, delay);
        }
        log.warn("Delivery {} ({} {}) failed on attempt {}, giving up: {}", delivery.id(), delivery.channel(),
                delivery.notice(), delivery.attempts(), reason);
        return new SendOutcome.GivenUp(delivery, errorCode, !temporary, Instant.now());
    }

    /** Half the wait fixed, half random ("equal jitter"): never shorter than half, never longer than the wait. */
    static Duration withJitter(Duration delay) {
        long half = delay.toMillis() / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /**
     * Stops claiming, lets the senders finish what they hold (up to 15 s), then lets the outcomes be recorded.
     * Deliveries still SENDING after that are given back to the queue by the lease.
     */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        trigger.shutdownNow();
        for (Lane lane : lanes.values()) {
            lane.senders().shutdown();
        }
        for (Lane lane : lanes.values()) {
            if (!lane.senders().awaitTermination(15, TimeUnit.SECONDS)) {
                lane.senders().shutdownNow();
            }
        }
    }
}
