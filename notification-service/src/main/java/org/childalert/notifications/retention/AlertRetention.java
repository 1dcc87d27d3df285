package org.childalert.notifications.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bounds what alerts leave behind (GDPR art. 5(1)(c) and (e)): one row per recipient, channel and notice of every
 * alert, about 100,000 for a national one, each with a phone number or e-mail address. A pass, in this order:
 * <ol>
 *   <li>deletes fan-out jobs that finished (DONE, STOPPED) longer ago than {@code finished-fan-outs};</li>
 *   <li>closes each alert that ended longer ago than {@code recipient-rows} (or was issued longer ago than
 *       {@code stuck-alerts} and never ended here): in one transaction, holding its notice row, it counts the
 *       deliveries per channel, notice and state into {@code alert_delivery_summary}, erases the child's details
 *       from the notice, marks a stuck alert expired (so nothing more is sent for it) and its open fan-outs
 *       stopped, and sets {@code purged_at};</li>
 *   <li>deletes the deliveries, replies, zones reached and fan-out jobs of every closed alert, in batches;</li>
 *   <li>deletes the notices (with their summaries) of alerts that ended longer ago than {@code ended-alerts};</li>
 *   <li>deletes the approval requests received longer ago than {@code recipient-rows}, with their deliveries.</li>
 * </ol>
 * An alert that is running (neither cancelled nor expired, and issued less than {@code stuck-alerts} ago) is never
 * touched, whatever the state of its deliveries. Several instances may run a pass at once: an alert is closed
 * by whichever locks its notice first (the others skip it, {@code skip locked}, and then find it closed), and
 * every delete is by key, idempotent, in batches of {@code batch-size} rows each committed on its own: a pass cut
 * short is finished by the next.
 */
public class AlertRetention {

    private static final Logger log = LoggerFactory.getLogger(AlertRetention.class);
    private static final int ALERTS_PER_QUERY = 100;
    private static final List<String> RECIPIENT_TABLES = List.of("delivery", "reply", "police_zone_alert", "fanout_job");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RetentionProperties properties;
    private final Clock clock;

    public AlertRetention(JdbcClient jdbc, TransactionTemplate transactions, RetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the schedule runs: purges what is due now and logs what went, if anything did. */
    public void purgeNow() {
        Purged purged = purgeAt(clock.instant());
        if (purged.anything()) {
            log.info("Retention: {} finished fan-out job(s) deleted; {} alert(s) closed ({} of them stuck); deleted"
                            + " {} delivery, {} reply, {} zone and {} fan-out row(s) of closed alerts, {} notice(s) and {}"
                            + " approval request(s)",
                    purged.finishedFanOutJobs(), purged.alertsClosed(), purged.stuckAlertsClosed(), purged.deliveries(),
                    purged.replies(), purged.zones(), purged.alertFanOutJobs(), purged.notices(),
                    purged.approvalRequests());
        }
    }

    /** Purges what is due at {@code now}; says how many rows of each kind went. */
    public Purged purgeAt(Instant now) {
        int finishedFanOutJobs = deleteFinishedFanOuts(now.minus(properties.finishedFanOuts()));
        int[] closed = closeDueAlerts(now);
        long[] deleted = deleteRowsOfClosedAlerts();
        int notices = deleteOldNotices(now.minus(properties.endedAlerts()));
        int approvalRequests = deleteOldApprovalRequests(now.minus(properties.recipientRows()));
        return new Purged(finishedFanOutJobs, closed[0], closed[1], deleted[0], deleted[1], deleted[2], deleted[3],
                notices, approvalRequests);
    }

    private int deleteFinishedFanOuts(Instant cutoff) {
        return (int) inBatches(() -> jdbc.sql("""
                delete from fanout_job where id in (
                    select id from fanout_job
                    where state in ('DONE', 'STOPPED') and finished_at < :cutoff
                    limit :limit)
                """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", properties.batchSize())
                .update());
    }

    /** Returns {alerts closed, of which stuck}. */
    private int[] closeDueAlerts(Instant now) {
        Timestamp endedBefore = Timestamp.from(now.minus(properties.recipientRows()));
        Timestamp issuedBefore = Timestamp.from(now.minus(properties.stuckAlerts()));
        int closed = 0;
        int stuck = 0;
        UUID after = new UUID(0, 0); // PostgreSQL orders uuids by their bytes, unsigned: this is the least
        while (true) {
            List<UUID> due = jdbc.sql("""
                    select alert_id from alert_notice
                    where purged_at is null and alert_id > :after
                      and (coalesce(cancelled_at, expired_at) < :endedBefore
                           or (cancelled_at is null and expired_at is null and issued_at < :issuedBefore))
                    order by alert_id
                    limit :limit
                    """)
                    .param("after", after)
                    .param("endedBefore", endedBefore)
                    .param("issuedBefore", issuedBefore)
                    .param("limit", ALERTS_PER_QUERY)
                    .query(UUID.class)
                    .list();
            for (UUID alertId : due) {
                Closure closure = transactions.execute(status -> close(alertId, endedBefore, issuedBefore, now));
                if (closure != Closure.NOT_DUE) {
                    closed++;
                    if (closure == Closure.STUCK) {
                        stuck++;
                        log.warn("Alert {} was issued more than {} ago and never ended here: treated as expired,"
                                + " its deliveries deleted", alertId, properties.stuckAlerts());
                    }
                }
            }
            if (due.size() < ALERTS_PER_QUERY) {
                return new int[] {closed, stuck};
            }
            after = due.get(due.size() - 1);
        }
    }

    private enum Closure { NOT_DUE, ENDED, STUCK }

    private Closure close(UUID alertId, Timestamp endedBefore, Timestamp issuedBefore, Instant now) {
        // the notice row is the alert's lock: another instance closing the same alert skips it, then finds it closed
        Boolean stuck = jdbc.sql("""
                select cancelled_at is null and expired_at is null as stuck from alert_notice
                where alert_id = :alertId and purged_at is null
                  and (coalesce(cancelled_at, expired_at) < :endedBefore
                       or (cancelled_at is null and expired_at is null and issued_at < :issuedBefore))
                for update skip locked
                """)
                .param("alertId", alertId)
                .param("endedBefore", endedBefore)
                .param("issuedBefore", issuedBefore)
                .query(Boolean.class)
                .optional()
                .orElse(null);
        if (stuck == null) {
            return Closure.NOT_DUE;
        }
        Timestamp at = Timestamp.from(now);
        if (stuck) {
            // nothing more is queued for it: a fan-out still open is stopped before its deliveries are counted
            jdbc.sql("""
                    update fanout_job set state = 'STOPPED', finished_at = :at, lease_owner = null, lease_until = null
                    where alert_id = :alertId and state in ('PENDING', 'RUNNING')
                    """)
                    .param("alertId", alertId).param("at", at)
                    .update();
        }
        jdbc.sql("""
                insert into alert_delivery_summary (alert_id, channel, notice, state, deliveries)
                select alert_id, channel, notice, state, count(*) from delivery where alert_id = :alertId
                group by alert_id, channel, notice, state
                on conflict do nothing
                """)
                .param("alertId", alertId)
                .update();
        jdbc.sql("""
                update alert_notice
                set purged_at = :at, expired_at = case when cancelled_at is null and expired_at is null
                                                       then :at else expired_at end,
                    child_first_name = null, child_age = null, description = null, photo_link = null,
                    last_seen_place = null, last_seen_at = null, traceparent = null
                where alert_id = :alertId
                """)
                .param("alertId", alertId).param("at", at)
                .update();
        return stuck ? Closure.STUCK : Closure.ENDED;
    }

    /** Returns the rows deleted from delivery, reply, police_zone_alert and fanout_job. */
    private long[] deleteRowsOfClosedAlerts() {
        long[] deleted = new long[RECIPIENT_TABLES.size()];
        List<UUID> closed = jdbc.sql("""
                select alert_id from alert_notice n
                where purged_at is not null
                  and (exists (select 1 from delivery d where d.alert_id = n.alert_id)
                       or exists (select 1 from reply r where r.alert_id = n.alert_id)
                       or exists (select 1 from police_zone_alert z where z.alert_id = n.alert_id)
                       or exists (select 1 from fanout_job f where f.alert_id = n.alert_id))
                """)
                .query(UUID.class)
                .list();
        for (UUID alertId : closed) {
            for (int table = 0; table < RECIPIENT_TABLES.size(); table++) {
                deleted[table] += deleteAllOf(RECIPIENT_TABLES.get(table), alertId);
            }
        }
        return deleted;
    }

    private long deleteAllOf(String table, UUID alertId) {
        // only for tables of RECIPIENT_TABLES; a closed alert's rows, a batch per transaction
        String delete = "delete from " + table + " where ctid in (select ctid from " + table
                + " where alert_id = :alertId limit :limit)";
        return inBatches(() -> jdbc.sql(delete)
                .param("alertId", alertId)
                .param("limit", properties.batchSize())
                .update());
    }

    private int deleteOldNotices(Instant cutoff) {
        // a notice whose recipient rows are not all gone yet (a pass cut short) waits for the next pass
        return (int) inBatches(() -> jdbc.sql("""
                delete from alert_notice where alert_id in (
                    select alert_id from alert_notice n
                    where purged_at is not null and coalesce(cancelled_at, expired_at) < :cutoff
                      and not exists (select 1 from delivery d where d.alert_id = n.alert_id)
                      and not exists (select 1 from reply r where r.alert_id = n.alert_id)
                      and not exists (select 1 from police_zone_alert z where z.alert_id = n.alert_id)
                      and not exists (select 1 from fanout_job f where f.alert_id = n.alert_id)
                    limit :limit
                    for update skip locked)
                """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", properties.batchSize())
                .update());
    }

    /**
     * Deletes the approval requests (V19) received longer ago than {@code recipient-rows}, with their
     * APPROVAL_REQUESTED deliveries (the request's number is their revision): those of an alert that was never
     * issued here (refused) have no notice, and would otherwise stay. Long done: an approval waits minutes.
     */
    private int deleteOldApprovalRequests(Instant cutoff) {
        return (int) inBatches(() -> jdbc.sql("""
                with due as (select alert_id, seq from approval_request where received_at < :cutoff
                             order by received_at limit :limit for update skip locked),
                     messages as (delete from delivery d using due
                                  where d.alert_id = due.alert_id and d.notice = 'APPROVAL_REQUESTED'
                                    and d.revision = due.seq),
                     requests as (delete from approval_request r using due
                                  where r.alert_id = due.alert_id and r.seq = due.seq returning 1)
                select count(*) from requests
                """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", properties.batchSize())
                .query(Integer.class)
                .single());
}

/** Runs a deleting statement, a transaction per batch, until a batch deletes fewer rows than a batch holds. */
private long inBatches(java.util.function.IntSupplier batch) {
    long total = 0;
    int deleted;
    do {
        deleted = inTransaction(batch);
        total += deleted;
    } while (deleted == properties.batchSize());
    return total;
}

private int inTransaction(java.util.function.IntSupplier work) {
    Integer done = transactions.execute(status -> work.getAsInt());
    return done == null ? 0 : done;
}

/** How many rows one pass deleted, and how many alerts it closed. */
public record Purged(int finishedFanOutJobs, int alertsClosed, int stuckAlertsClosed, long deliveries, long replies,
                     long zones, long alertFanOutJobs, int notices, int approvalRequests) {

    boolean anything() {
        return finishedFanOutJobs + alertsClosed + deliveries + replies + zones + alertFanOutJobs + notices
                + approvalRequests > 0;
    }
}
}
