package org.childalert.cases;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.childalert.cases.retention.AnonymisedCaseRetention;
import org.childalert.cases.retention.AuditLogRetention;
import org.childalert.cases.retention.Retention;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounds of the case tables and of the audit trail (issue 13, item 4): anonymised cases of a year more than ten
 * years past go with their child, escalations and timeline; audit entries older than six years go, each batch
 * leaving one summary entry, and the trail stays append-only for everyone else. Old rows are made by moving their
 * dates back; the jobs run at the real time.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CaseRowsRetentionIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Retention erasure;

    @Autowired
    AnonymisedCaseRetention anonymisedCases;

    @Autowired
    AuditLogRetention auditLog;

    @Autowired
    ScheduledTaskHolder scheduledTasks;

    @Autowired
    TransactionTemplate transactions;

    CaseApi api;

    @BeforeEach
    void api() {
        api = new CaseApi(mvc);
    }

    @Test
    void deletesTheAnonymisedCasesOfAYearMoreThanTenYearsPastWithTheirChildAndKeepsTheRest() throws Exception {
        int thisYear = ZonedDateTime.now(ZONE).getYear();
        Instant elevenYearsAgo = openedIn(thisYear - 11);
        Instant tenYearsAgo = openedIn(thisYear - 10);

        String old = closedCase("Old-" + UUID.randomUUID());
        escalation(old);
        String kept = closedCase("Kept-" + UUID.randomUUID());
        String stillHeld = api.open(Cases.runawayOf("Held-" + UUID.randomUUID(), "Peeters", LocalDate.of(2014, 3, 3)));
        String sibling = "Sibling-" + UUID.randomUUID();
        String oldOfRepeatChild = closedCase(sibling);
        String recentOfRepeatChild = closedCase(sibling);
        erasure.eraseDueAt(Instant.now().plus(Duration.ofDays(731)));
        openedAt(old, elevenYearsAgo);
        openedAt(kept, tenYearsAgo);
        openedAt(stillHeld, elevenYearsAgo);
        openedAt(oldOfRepeatChild, elevenYearsAgo);
        UUID oldChild = childOf(old);
        UUID duplicate = duplicateMergedInto(oldChild);
        String keptFigures = api.get("/api/statistics/yearly?year=" + (thisYear - 9), Callers.admin());

        assertThat(anonymisedCases.deleteDueAt(Instant.now())).isGreaterThanOrEqualTo(2);

        assertThat(caseExists(old)).isFalse();
        assertThat(rowsOf("timeline_entry", old)).isZero();
        assertThat(rowsOf("escalation", old)).isZero();
        assertThat(childExists(oldChild)).as("the child had no other case").isFalse();
        assertThat(childExists(duplicate)).as("a duplicate merged into them goes with them").isFalse();
        assertThat(caseExists(oldOfRepeatChild)).isFalse();
        assertThat(childExists(childOf(recentOfRepeatChild))).as("the child's other case keeps them").isTrue();
        assertThat(caseExists(kept)).as("opened ten calendar years ago: still counted").isTrue();
        assertThat(caseExists(stillHeld)).as("its personal data is still held").isTrue();
        assertThat(rowsOf("timeline_entry", kept)).isPositive();
        assertThat(api.get("/api/statistics/yearly?year=" + (thisYear - 9), Callers.admin()))
                .as("the figures of a kept year, and of the year before it, do not change").isEqualTo(keptFigures);
        assertThat(jdbc.sql("select count(*) from audit_log where case_id = :id and action = :action and actor = 'retention'")
                .param("id", UUID.fromString(old)).param("action", AnonymisedCaseRetention.ACTION)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(anonymisedCases.deleteDueAt(Instant.now())).as("nothing is deleted twice").isZero();
    }

    @Test
    void deletesAuditEntriesOlderThanSixYearsExceptThoseOfACaseStillHeldAndRecordsThePurge() throws Exception {
        Instant sevenYearsAgo = Instant.now().minus(Duration.ofDays(7 * 365));
        String held = api.open(Cases.runawayOf("Audit-" + UUID.randomUUID(), "Peeters", LocalDate.of(2013, 5, 5)));
        long old = auditEntry(sevenYearsAgo, null);
        long oldOfHeldCase = auditEntry(sevenYearsAgo, UUID.fromString(held));
        long fiveYearsOld = auditEntry(Instant.now().minus(Duration.ofDays(5 * 365)), null);
        Instant before = Instant.now();

        assertThat(auditLog.purgeDueAt(Instant.now())).isPositive();

        assertThat(auditEntryExists(old)).isFalse();
        assertThat(auditEntryExists(oldOfHeldCase)).as("the case's personal data is still held").isTrue();
        assertThat(auditEntryExists(fiveYearsOld)).isTrue();
        assertThat(jdbc.sql("""
                select detail from audit_log where action = :action and actor = 'retention' and at >= :before
                order by id desc limit 1
                """)
                .param("action", AuditLogRetention.ACTION).param("before", Timestamp.from(before.minusSeconds(1)))
                .query(String.class).single())
                .as("the purge is on the record").contains("audit entries from", "older than 2192 days");
        assertThat(auditLog.purgeDueAt(Instant.now())).as("nothing is deleted twice").isZero();
    }

    @Test
    void theAuditTrailStaysAppendOnlyForAnyoneButTheRetention() {
        long old = auditEntry(Instant.now().minus(Duration.ofDays(7 * 365)), null);
        long recent = auditEntry(Instant.now().minus(Duration.ofDays(1)), null);

        assertThat(refusal(() -> jdbc.sql("update audit_log set detail = 'changed' where id = :id").param("id", old)
                .update())).contains("append-only");
        assertThat(refusal(() -> jdbc.sql("delete from audit_log where id = :id").param("id", old).update()))
                .contains("append-only");
        assertThat(refusal(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("select set_config('childalert.retention', 'audit-log', true), "
                    + "set_config('childalert.audit_log_cutoff', :cutoff, true)")
                    .param("cutoff", Instant.now().minus(Duration.ofDays(2192)).toString()).query().singleRow();
            jdbc.sql("delete from audit_log where id = :id").param("id", recent).update();
        }))).as("the retention's setting does not reach past its cutoff").contains("append-only");
        assertThat(auditEntryExists(old)).isTrue();
        assertThat(auditEntryExists(recent)).isTrue();
    }

    @Test
    void aDisabledScheduleRunsNeitherJob() {
        assertThat(scheduledTasks.getScheduledTasks()).noneMatch(task -> task.toString().contains("AuditLogRetention")
                || task.toString().contains("AnonymisedCaseRetention"));
    }

    private String closedCase(String firstName) throws Exception {
        String id = api.open(Cases.runawayOf(firstName, "Peeters", LocalDate.of(2015, 4, 4)));
        api.note(id, "CALL", "Called the school");
        api.resolve(id, "RETURNED");
        api.close(id);
        return id;
    }

    private void escalation(String caseId) {
        jdbc.sql("""
                insert into escalation (alert_id, case_id, level, radius_km, under_eighteen, life_in_danger,
                    likely_in_country, enough_information, status, requested_at, requested_by, requested_by_subject)
                values (:alert, :case, 'TARGETED', 5, true, true, true, true, 'CANCELLED', now(), 'alice', 'alice')
                """)
                .param("alert", UUID.randomUUID()).param("case", UUID.fromString(caseId)).update();
    }

    private static Instant openedIn(int year) {
        return LocalDate.of(year, 6, 1).atStartOfDay(ZONE).toInstant();
    }

    private void openedAt(String caseId, Instant at) {
        jdbc.sql("update case_file set opened_at = :at where id = :id")
                .param("at", Timestamp.from(at)).param("id", UUID.fromString(caseId)).update();
    }

    private UUID childOf(String caseId) {
        return jdbc.sql("select child_id from case_file where id = :id").param("id", UUID.fromString(caseId))
                .query(UUID.class).single();
    }

    private UUID duplicateMergedInto(UUID child) {
        UUID duplicate = UUID.randomUUID();
        jdbc.sql("""
                insert into child (id, first_name, last_name, date_of_birth, merged_into)
                values (:id, 'Duplicate', 'Peeters', date '2015-04-04', :child)
                """)
                .param("id", duplicate).param("child", child).update();
        return duplicate;
    }

    private boolean caseExists(String caseId) {
        return jdbc.sql("select exists (select 1 from case_file where id = :id)").param("id", UUID.fromString(caseId))
                .query(Boolean.class).single();
    }

    private boolean childExists(UUID child) {
        return jdbc.sql("select exists (select 1 from child where id = :id)").param("id", child)
                .query(Boolean.class).single();
    }

    private long rowsOf(String table, String caseId) {
        return jdbc.sql("select count(*) from " + table + " where case_id = :id").param("id", UUID.fromString(caseId))
                .query(Long.class).single();
    }

    private long auditEntry(Instant at, UUID caseId) {
        return jdbc.sql("""
                insert into audit_log (at, actor, action, case_id, detail) values (:at, 'alice', 'CASE_READ', :case, 'test')
                returning id
                """)
                .param("at", Timestamp.from(at)).param("case", caseId).query(Long.class).single();
    }

    private boolean auditEntryExists(long id) {
        return jdbc.sql("select exists (select 1 from audit_log where id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    private static String refusal(Runnable statement) {
        try {
            statement.run();
            return "done";
        } catch (DataAccessException e) {
            return e.getMostSpecificCause().getMessage();
        }
    }
}
