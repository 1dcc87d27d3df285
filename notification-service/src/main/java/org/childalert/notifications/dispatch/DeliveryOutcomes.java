package org.childalert.notifications.dispatch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.childalert.events.DeliveryChannel;
import org.childalert.events.NoticeKind;
import org.childalert.events.NotificationFailed;
import org.childalert.notifications.dispatch.DeliveryProgressEvents.Progress;
import org.childalert.notifications.providers.SendingProperties;
import org.childalert.notifications.sms.TwilioSmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what the senders report, many outcomes per transaction instead of one transaction per message: the
 * rows' new states, and with them, in the same transaction, what the batch changed for each alert (how many
 * messages providers accepted, per channel, and how many were given up; {@link DeliveryProgressEvents} publishes
 * it once per interval) and a NotificationFailed per delivery given up, through the outbox. The delivery table is the per-recipient record: an event per accepted
 * message cost an outbox row, a relay round trip and a broker message each, for no consumer. A sender hands its outcome over and takes the next message; a single
 * recorder thread writes them, as soon as {@code outcomeBatchSize} are waiting or {@code outcomeFlushInterval}
 * has passed. When the database falls behind, the hand-over queue fills and the senders wait: nothing is
 * dropped. If the service dies before an outcome is recorded, its delivery is still SENDING and is sent again
 * after the lease (docs/reliability.md).
 *
 * <p>While it lives, the instance holds on to what it claimed: from the claim until its outcome is recorded, a
 * delivery is {@linkplain #inHand() in hand}, and its lease is renewed rather than given back, however long the
 * database was away (an outcome obtained before a database outage waits here until it can be written; the
 * delivery given back meanwhile would be sent twice, or withdrawn by a cancellation although its recipient had
 * the alert, and so never told the child was found). And a provider's acceptance is recorded whatever became of
 * the row meanwhile (given back by another instance's lease, withdrawn): the recipient has the message.
 */
@Component
class DeliveryOutcomes implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomes.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final EmailFallbacks fallbacks;
    private final DeliveryProgressEvents progressEvents;
    private final SendingProperties properties;
    private final BlockingQueue<SendOutcome> waiting;
    private final Thread recorder;
    private final Set<UUID> inHand = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private volatile Runnable afterMoreQueued = () -> { };

    DeliveryOutcomes(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
                     EmailFallbacks fallbacks, DeliveryProgressEvents progressEvents, SendingProperties properties) {
        this.progressEvents = progressEvents;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.fallbacks = fallbacks;
        this.properties = properties;
        this.waiting = new ArrayBlockingQueue<>(properties.outcomeBatchSize() * 4);
        this.recorder = new Thread(this::recordUntilStopped, "delivery-outcomes");
        this.recorder.setDaemon(true);
        this.recorder.start();
    }

    /** Called after outcomes queued more deliveries (email instead of SMS), so that they are sent at once. */
    void afterMoreQueued(Runnable action) {
        this.afterMoreQueued = action;
    }

    /** The deliveries this instance claimed and whose outcome is not recorded yet. */
    Set<UUID> inHand() {
        return Set.copyOf(inHand);
    }

    /** The dispatcher claimed these: they are in hand until their outcome is recorded or they are let go. */
    void claimed(List<Delivery> deliveries) {
        deliveries.forEach(d -> inHand.add(d.id()));
    }

    /** Claimed, but no outcome will come (they were never handed to a sender): the lease gives them back. */
    void letGo(List<Delivery> deliveries) {
        deliveries.forEach(d -> inHand.remove(d.id()));
    }

    /** Hands an outcome over; waits while the recorder is a full queue behind. */
    void add(SendOutcome outcome) {
        try {
            waiting.put(outcome);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inHand.remove(outcome.delivery().id());
            log.warn("Stopped before the outcome of delivery {} was recorded; the lease will send it again",
                    outcome.delivery().id());
        }
    }

    private void recordUntilStopped() {
        List<SendOutcome> batch = new ArrayList<>(properties.outcomeBatchSize());
        while (!stopping || !waiting.isEmpty()) {
            try {
                SendOutcome first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + properties.outcomeFlushInterval().toNanos();
                while (batch.size() < properties.outcomeBatchSize()) {
                    waiting.drainTo(batch, properties.outcomeBatchSize() - batch.size());
                    long left = deadline - System.nanoTime();
                    if (batch.size() >= properties.outcomeBatchSize() || left <= 0 || stopping) {
                        break;
                    }
                    SendOutcome next = waiting.poll(left, TimeUnit.NANOSECONDS);
                    if (next != null) {
                        batch.add(next);
                    }
                }
                recordWithRetries(batch);
                batch.clear();
            } catch (InterruptedException e) {
                stopping = true;
            }
        }
    }

    private void recordWithRetries(List<SendOutcome> batch) throws InterruptedException {
        while (true) {
            try {
                Integer queued = transactions.execute(status -> record(batch));
                batch.forEach(outcome -> inHand.remove(outcome.delivery().id()));
                if (queued != null && queued > 0) {
                    afterMoreQueued.run();
                }
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    log.warn("{} outcomes not recorded at shutdown ({}); their deliveries are sent again after the lease",
                            batch.size(), e.toString());
                    return;
                }
                log.warn("Could not record {} delivery outcomes, keeping them and trying again: {}", batch.size(), e.toString());
                TimeUnit.SECONDS.sleep(1);
            }
        }
    }

    /** Records the batch in the current transaction; returns how many deliveries it queued (email fallbacks). */
    int record(List<SendOutcome> batch) {
        List<SendOutcome.Accepted> accepted = new ArrayList<>();
        List<SendOutcome.RetryLater> retries = new ArrayList<>();
        List<SendOutcome.GivenUp> givenUp = new ArrayList<>();
        List<SendOutcome.Released> released = new ArrayList<>();
        for (SendOutcome outcome : batch) {
            if (outcome instanceof SendOutcome.Accepted a) {
                accepted.add(a);
            } else if (outcome instanceof SendOutcome.RetryLater r) {
                retries.add(r);
            } else if (outcome instanceof SendOutcome.GivenUp g) {
                givenUp.add(g);
            } else if (outcome instanceof SendOutcome.Released r) {
                released.add(r);
            }
        }
        Map<UUID, Progress> progress = new LinkedHashMap<>();
        List<UUID> acceptedFirstNotices = new ArrayList<>();
        Set<UUID> recorded = recordAccepted(accepted);
        for (SendOutcome.Accepted outcome : accepted) {
            Delivery d = outcome.delivery();
            if (recorded.contains(d.id())) {
                Progress counts = progress.computeIfAbsent(d.alertId(), id -> new Progress());
                if (d.channel() == DeliveryChannel.SMS) {
                    counts.sms++;
                } else {
                    counts.email++;
                }
                if (d.notice() == NoticeKind.ISSUED || d.notice() == NoticeKind.WIDENED) {
                    acceptedFirstNotices.add(d.id());
                }
            }
        }
        int queued = enqueueFoundIfAlertCancelled(acceptedFirstNotices);

        update("""
                update delivery set state = 'PENDING', error_code = :errorCode,
                                    next_attempt_at = clock_timestamp() + cast(:delay as interval),
                                    updated_at = clock_timestamp()
                where id = :id and state = 'SENDING'
                """, retries, r -> new MapSqlParameterSource("id", r.delivery().id())
                .addValue("errorCode", r.errorCode())
                .addValue("delay", r.delay().toMillis() + " milliseconds"));

        update("""
                update delivery set state = 'PENDING', attempts = greatest(attempts - 1, 0), next_attempt_at = :retryAt,
                                    updated_at = clock_timestamp()
                where id = :id and state = 'SENDING'
                """, released, r -> new MapSqlParameterSource("id", r.delivery().id())
                .addValue("retryAt", Timestamp.from(r.retryAt())));

        int[] rows = update("""
                update delivery set state = 'FAILED', error_code = :errorCode, failed_at = :failedAt,
                                    updated_at = clock_timestamp()
                where id = :id and state = 'SENDING'
                """, givenUp, g -> new MapSqlParameterSource("id", g.delivery().id()).addValue("errorCode", g.errorCode())
                .addValue("failedAt", Timestamp.from(g.at())));
        List<UUID> unreachableNumbers = new ArrayList<>();
        List<UUID> permanentSms = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == 1) {
                SendOutcome.GivenUp g = givenUp.get(i);
                Delivery d = g.delivery();
                progress.computeIfAbsent(d.alertId(), id -> new Progress()).failed++;
                events.publishEvent(new NotificationFailed(UUID.randomUUID(), Instant.now(), d.id(), d.alertId(),
                        d.channel(), d.notice(), d.recipientKind(), g.errorCode()));
                if (d.channel() == DeliveryChannel.SMS && g.permanent()) {
                    permanentSms.add(d.id());
                    if (TwilioSmsSender.NUMBER_UNREACHABLE.contains(g.errorCode())) {
                        unreachableNumbers.add(d.id());
                    }
                }
            }
        }
        progressEvents.add(progress);
        fallbacks.stopTextingNumbersOf(unreachableNumbers);
        return queued + fallbacks.queueByEmail(permanentSms);
    }

    /**
     * Marks the accepted deliveries in one statement (the bulk of every batch: a statement per row cost the database
     * a round of parsing, planning and executing each); returns those it changed. A provider's acceptance is recorded
     * whatever became of the row meanwhile (given back by a lease, withdrawn), but never twice.
     */
    private Set<UUID> recordAccepted(List<SendOutcome.Accepted> accepted) {
        if (accepted.isEmpty()) {
            return Set.of();
        }
        String[] ids = new String[accepted.size()];
        String[] providerIds = new String[accepted.size()];
        String[] acceptedAt = new String[accepted.size()];
        for (int i = 0; i < accepted.size(); i++) {
            ids[i] = accepted.get(i).delivery().id().toString();
            providerIds[i] = accepted.get(i).providerMessageId();
            acceptedAt[i] = accepted.get(i).at().toString();
        }
        return Set.copyOf(jdbc.queryForList("""
                update delivery d set state = 'ACCEPTED', provider_message_id = v.provider_id, error_code = null,
                                      accepted_at = v.accepted_at, updated_at = clock_timestamp()
                from unnest(cast(:ids as uuid[]), cast(:providerIds as text[]), cast(:acceptedAt as timestamptz[]))
                     as v(id, provider_id, accepted_at)
                where d.id = v.id and d.state in ('SENDING', 'PENDING', 'FAILED')
                returning d.id
                """, new MapSqlParameterSource("ids", ids).addValue("providerIds", providerIds)
                .addValue("acceptedAt", acceptedAt), UUID.class));
    }

    private <T> int[] update(String sql, List<T> items, Function<T, MapSqlParameterSource> parameters) {
        if (items.isEmpty()) {
            return new int[0];
        }
        SqlParameterSource[] rows = items.stream().map(parameters).toArray(SqlParameterSource[]::new);
        return jdbc.batchUpdate(sql, rows);
    }

    /**
     * A first notice (ISSUED or WIDENED) accepted after its alert was cancelled: its recipient must be told too,
     * as {@code AlertNotices} tells everyone reached at the cancellation.
     */
    private int enqueueFoundIfAlertCancelled(List<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return 0;
        }
        return jdbc.update("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, address, language,
                                      hand_over_rank)
                select gen_random_uuid(), d.alert_id, d.recipient_kind, d.recipient_id, d.channel, 'FOUND', d.address, d.language,
                       d.hand_over_rank
                from delivery d join alert_notice a on a.alert_id = d.alert_id
                where d.id in (:ids) and d.notice in ('ISSUED', 'WIDENED') and a.cancelled_at is not null
                on conflict do nothing
                """, new MapSqlParameterSource("ids", deliveryIds));
    }

    /** Records what is still waiting, then stops; called once the senders have finished. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        recorder.join(TimeUnit.SECONDS.toMillis(10));
    }
}
