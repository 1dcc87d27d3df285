package org.childalert.alerts.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bound of this service's tables: an alert that ended (cancelled, withdrawn, expired, rejected by the police or
 * refused by the escalation policy) longer than {@code childalert.retention.ended-alerts.period} ago is deleted,
 * with every row that hangs on it: its timers, extensions, zones reached, CAP revisions, photos, and its two
 * append-only trails (decisions, data withdrawals), whose triggers let this deletion through and nothing else
 * (V7). A running alert, or one waiting for approval, is never touched, however old. Nothing is kept for the
 * yearly figures: the case-service counts them from its own cases.
 *
 * <p>Deletes run in batches, each its own transaction; the alerts of a batch are locked with {@code skip locked},
 * so two instances running the schedule at once share the work.
 */
@Component
class EndedAlertRetention {

    /** Tells the append-only triggers (V7) that this transaction is the retention's. */
    static final String RETENTION_SETTING = "childalert.retention";

    private static final Logger log = LoggerFactory.getLogger(EndedAlertRetention.class);

    /** The rows that hang on an alert, children first: the order their foreign keys need. */
    private static final List<String> DEPENDENT_TABLES = List.of("alert_timer", "alert_extension", "zone_alert",
            "cap_revision", "alert_photo", "alert_data_withdrawal", "alert_decision");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EndedAlertRetentionProperties properties;
    private final Clock clock;

    EndedAlertRetention(JdbcClient jdbc, TransactionTemplate transactions, EndedAlertRetentionProperties properties,
                        Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${childalert.retention.ended-alerts.schedule:0 15 4 * * *}")
    void deleteDue() {
        int deleted = deleteDueAt(clock.instant());
        if (deleted > 0) {
            log.info("Deleted {} alert(s) that ended more than {} days ago, with their decisions, timers, extensions, "
                    + "zones, CAP revisions, photos and withdrawal receipts", deleted, properties.period().toDays());
        }
    }

    /** Deletes the alerts whose retention is over at {@code now}; returns how many went. */
    int deleteDueAt(Instant now) {
        Timestamp cutoff = Timestamp.from(now.minus(properties.period()));
        int total = 0;
        int deleted;
        do {
            Integer batch = transactions.execute(status -> deleteBatch(cutoff));
            deleted = batch == null ? 0 : batch;
            total += deleted;
        } while (deleted == properties.batchSize());
        return total;
    }

    private int deleteBatch(Timestamp cutoff) {
        // an alert ends no earlier than it was asked for: requested_at narrows the search to old alerts
        // (alert_by_status_newest_first) before the end time of each is looked at
        List<UUID> due = jdbc.sql("""
                select id from alert
                where status in ('CANCELLED', 'WITHDRAWN', 'EXPIRED', 'REJECTED', 'REFUSED')
                  and requested_at < :cutoff
                  and case status when 'EXPIRED' then expires_at
                                  when 'CANCELLED' then cancelled_at
                                  when 'WITHDRAWN' then cancelled_at
                                  else decided_at end < :cutoff
                order by requested_at
                limit :limit
                for update skip locked
                """)
                .param("cutoff", cutoff)
                .param("limit", properties.batchSize())
                .query(UUID.class)
                .list();
        if (due.isEmpty()) {
            return 0;
        }
        jdbc.sql("select set_config('" + RETENTION_SETTING + "', 'ended-alerts', true)").query().singleValue();
        for (String table : DEPENDENT_TABLES) {
            jdbc.sql("delete from " + table + " where alert_id in (:ids)").param("ids", due).update();
        }
        return jdbc.sql("delete from alert where id in (:ids)").param("ids", due).update();
    }
}
