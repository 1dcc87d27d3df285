package org.childalert.cases.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.childalert.cases.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bound of the audit trail: an entry older than {@code childalert.retention.audit-log.period} is deleted,
 * unless it is about a case whose personal data is still held (a child missing for years keeps the whole record of
 * who read their file). The trail stays accountable for its own purge (GDPR art. 5(2)): each batch deleted is
 * summarised in one new entry ({@code AUDIT_LOG_PURGED}: how many, the oldest and newest deleted, the cutoff), in the
 * same transaction. The append-only trigger (V8) lets only this deletion through, and only below the cutoff the
 * transaction names.
 *
 * <p>Batches are separate transactions; the entries of a batch are locked with {@code skip locked}, so several
 * instances purging at once share the work.
 */
@Component
public class AuditLogRetention {

    public static final String ACTOR = "retention";
    public static final String ACTION = "AUDIT_LOG_PURGED";

    private static final Logger log = LoggerFactory.getLogger(AuditLogRetention.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final AuditLogRetentionProperties properties;
    private final Clock clock;

    AuditLogRetention(JdbcClient jdbc, AuditLog audit, TransactionTemplate transactions,
                      AuditLogRetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${childalert.retention.audit-log.schedule:0 50 3 * * *}")
    void purgeDue() {
        int deleted = purgeDueAt(clock.instant());
        if (deleted > 0) {
            log.info("Deleted {} audit entries older than {} days", deleted, properties.period().toDays());
        }
    }

    /** Deletes the audit entries due at {@code now}; returns how many went. */
    public int purgeDueAt(Instant now) {
        Timestamp cutoff = Timestamp.from(now.minus(properties.period()));
        int total = 0;
        int deleted;
        do {
            Integer batch = transactions.execute(status -> purgeBatch(cutoff));
            deleted = batch == null ? 0 : batch;
            total += deleted;
        } while (deleted == properties.batchSize());
        return total;
    }

    private int purgeBatch(Timestamp cutoff) {
        jdbc.sql("select set_config('childalert.retention', 'audit-log', true), "
                        + "set_config('childalert.audit_log_cutoff', :cutoff, true)")
                .param("cutoff", cutoff.toInstant().toString())
                .query().singleRow();
        List<Instant> deleted = jdbc.sql("""
                delete from audit_log where id in (
                    select a.id from audit_log a
                    where a.at < :cutoff
                      and not exists (select 1 from case_file c
                                      where c.id = a.case_id and c.personal_data_erased_at is null)
                    order by a.at, a.id
                    limit :limit
                    for update skip locked)
                returning at
                """)
                .param("cutoff", cutoff)
                .param("limit", properties.batchSize())
                .query(Timestamp.class)
                .list().stream().map(Timestamp::toInstant).sorted().toList();
        if (deleted.isEmpty()) {
            return 0;
        }
        audit.recordSystem(ACTOR, ACTION, null, deleted.size() + " audit entries from " + deleted.get(0) + " to "
                + deleted.get(deleted.size() - 1) + " deleted: older than " + properties.period().toDays()
                + " days (before " + cutoff.toInstant() + ") and about no case whose personal data is still held");
        return deleted.size();
    }
}
