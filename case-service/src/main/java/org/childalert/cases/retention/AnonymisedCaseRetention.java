package org.childalert.cases.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.childalert.cases.audit.AuditLog;
import org.childalert.cases.statistics.StatisticsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bound of the case tables. {@link Retention} erases a closed case's personal data after 730 days but keeps
 * its row, its child (down to the year of birth), escalations and timeline, because the yearly figures
 * ({@code GET /api/statistics/yearly}) count them. This deletes them for good once the calendar year the case was
 * opened in is more than {@code childalert.retention.anonymised-cases.years} years past. Whole years go, so a year's
 * figures are either complete or no longer served, never a part of them. A case whose personal data is still held
 * (open, or closed less than 730 days ago) stays, however old.
 *
 * <p>A case goes with its escalations, timeline entries and photo row; its child goes with it when no other case
 * is theirs, together with the duplicate records merged into them. Each deleted case leaves one audit entry
 * ({@code CASE_DELETED}). Batches are separate transactions; the cases of a batch are locked with
 * {@code skip locked}, so several instances share the work.
 */
@Component
public class AnonymisedCaseRetention {

    public static final String ACTION = "CASE_DELETED";

    private static final Logger log = LoggerFactory.getLogger(AnonymisedCaseRetention.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final AnonymisedCaseRetentionProperties properties;
    private final StatisticsProperties statistics;
    private final Clock clock;

    AnonymisedCaseRetention(JdbcClient jdbc, AuditLog audit, TransactionTemplate transactions,
                            AnonymisedCaseRetentionProperties properties, StatisticsProperties statistics, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.statistics = statistics;
        this.clock = clock;
    }

    @Scheduled(cron = "${childalert.retention.anonymised-cases.schedule:0 40 3 * * *}")
    void deleteDue() {
        int deleted = deleteDueAt(clock.instant());
        if (deleted > 0) {
            log.info("Deleted {} anonymised case(s) opened before {}", deleted, firstYearKept(clock.instant()));
        }
    }

    /** The oldest calendar year whose cases are kept at {@code now}. */
    public int firstYearKept(Instant now) {
        return LocalDate.ofInstant(now, statistics.zone()).getYear() - properties.years();
    }

    /** Deletes the anonymised cases due at {@code now}; returns how many went. */
    public int deleteDueAt(Instant now) {
        int firstYearKept = firstYearKept(now);
        Timestamp cutoff = Timestamp.from(LocalDate.of(firstYearKept, 1, 1).atStartOfDay(statistics.zone()).toInstant());
        int total = 0;
        int deleted;
        do {
            Integer batch = transactions.execute(status -> deleteBatch(cutoff, firstYearKept));
            deleted = batch == null ? 0 : batch;
            total += deleted;
        } while (deleted == properties.batchSize());
        return total;
    }

    private int deleteBatch(Timestamp cutoff, int firstYearKept) {
        List<UUID> due = jdbc.sql("""
                select id from case_file
                where opened_at < :cutoff and personal_data_erased_at is not null
                order by opened_at
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
        List<UUID> children = jdbc.sql("select distinct child_id from case_file where id in (:ids)")
                .param("ids", due).query(UUID.class).list();
        // two instances deleting two cases of one child: the second waits here and then sees the first's deletion
        jdbc.sql("select id from child where id in (:ids) order by id for update")
                .param("ids", children).query(UUID.class).list();
        for (String table : List.of("escalation", "timeline_entry", "case_photo")) {
            jdbc.sql("delete from " + table + " where case_id in (:ids)").param("ids", due).update();
        }
        jdbc.sql("delete from case_file where id in (:ids)").param("ids", due).update();
        for (UUID child : children) {
            deleteChildWithoutCases(child);
        }
        for (UUID caseId : due) {
            audit.recordSystem(AuditLogRetention.ACTOR, ACTION, caseId, "anonymised case opened before "
                    + firstYearKept + " deleted: the yearly figures are kept for " + properties.years() + " years");
        }
        return due.size();
    }

    /** Deletes a child and the duplicates merged into them, when none of those records has a case any more. */
    private void deleteChildWithoutCases(UUID child) {
        List<UUID> records = jdbc.sql("""
                with recursive merged(id) as (
                    select id from child where id = :child
                    union
                    select c.id from child c join merged m on c.merged_into = m.id)
                select id from merged
                """)
                .param("child", child).query(UUID.class).list();
        boolean stillHasCases = jdbc.sql("select exists (select 1 from case_file where child_id in (:ids))")
                .param("ids", records).query(Boolean.class).single();
        if (!stillHasCases) {
            jdbc.sql("delete from child where id in (:ids)").param("ids", records).update();
        }
    }
}
