package org.childalert.notifications.dispatch;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.childalert.events.DeliveryProgressed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the other services how an alert's messages are going: one {@link DeliveryProgressed} per alert per
 * {@code childalert.delivery.progress-interval} while its messages are handed over, with what changed since the
 * last one. The outcome recorder adds each batch's counts to the alert's {@code delivery_progress} row in its own
 * transaction ({@link #add}); this publisher takes the rows and turns them into events through the outbox in one
 * transaction. Neither the counts nor an event can be lost or doubled, whichever instance records or publishes,
 * and a fan-out of 100,000 messages makes about as many events as it lasts seconds, not one per batch of outcomes.
 */
@Component
class DeliveryProgressEvents {

    /** What one batch of outcomes changed for one alert. */
    static final class Progress {
        int sms;
        int email;
        int failed;
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    DeliveryProgressEvents(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
    }

    /**
     * In the transaction recording a batch of outcomes: adds its counts to each alert's row, in the order of the
     * alerts' ids, so that two recorders (two instances) never wait on each other in opposite orders.
     */
    void add(Map<UUID, Progress> progress) {
        if (progress.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = progress.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .map(entry -> new MapSqlParameterSource("alertId", entry.getKey())
                        .addValue("sms", entry.getValue().sms)
                        .addValue("email", entry.getValue().email)
                        .addValue("failed", entry.getValue().failed))
                .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("""
                insert into delivery_progress (alert_id, sms_handed_over, email_handed_over, failed)
                values (:alertId, :sms, :email, :failed)
                on conflict (alert_id) do update
                set sms_handed_over = delivery_progress.sms_handed_over + excluded.sms_handed_over,
                    email_handed_over = delivery_progress.email_handed_over + excluded.email_handed_over,
                    failed = delivery_progress.failed + excluded.failed
                """, rows);
    }

    /**
     * Publishes what accumulated since the last pass, one event per alert. Rows a recorder is writing at this
     * moment are skipped (they are taken at the next pass): this pass never waits, and never holds a recorder up
     * for longer than its own short transaction.
     */
    @Scheduled(fixedDelayString = "${childalert.delivery.progress-interval}")
    void publish() {
        transactions.executeWithoutResult(status -> {
            List<DeliveryProgressed> progressed = jdbc.query("""
                    delete from delivery_progress
                    where alert_id in (select alert_id from delivery_progress for update skip locked)
                    returning alert_id, sms_handed_over, email_handed_over, failed
                    """, Map.of(), (rs, n) -> new DeliveryProgressed(UUID.randomUUID(), Instant.now(),
                    rs.getObject("alert_id", UUID.class), rs.getInt("sms_handed_over"), rs.getInt("email_handed_over"),
                    rs.getInt("failed")));
            progressed.forEach(events::publishEvent);
        });
    }
}
