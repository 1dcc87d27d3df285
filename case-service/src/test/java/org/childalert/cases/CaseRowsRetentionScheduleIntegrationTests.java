package org.childalert.cases;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a schedule set, the audit log's retention runs by itself, in batches (two entries each here), and records
 * every batch. The context is closed after the class, so that its schedule does not run on under other test classes.
 */
@SpringBootTest(properties = {
        "childalert.retention.audit-log.schedule=* * * * * *",
        "childalert.retention.audit-log.batch-size=2",
        "childalert.retention.anonymised-cases.schedule=* * * * * *" })
@ActiveProfiles("test")
@DirtiesContext
class CaseRowsRetentionScheduleIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScheduledTaskHolder scheduledTasks;

    @Test
    void runsOnItsScheduleInBatchesAndRecordsEachBatch() {
        assertThat(scheduledTasks.getScheduledTasks()).anyMatch(task -> task.toString().contains("AuditLogRetention"));
        assertThat(scheduledTasks.getScheduledTasks())
                .anyMatch(task -> task.toString().contains("AnonymisedCaseRetention"));
        Instant before = Instant.now().minusSeconds(1);
        Instant sevenYearsAgo = Instant.now().minus(Duration.ofDays(7 * 365));
        for (int i = 0; i < 5; i++) {
            jdbc.sql("insert into audit_log (at, actor, action, detail) values (:at, 'alice', 'CASE_READ', 'scheduled')")
                    .param("at", Timestamp.from(sevenYearsAgo.plusSeconds(i))).update();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from audit_log where detail = 'scheduled'").query(Long.class).single() == 0);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'AUDIT_LOG_PURGED' and at >= :before")
                .param("before", Timestamp.from(before)).query(Long.class).single())
                .as("one summary per batch of at most two").isGreaterThanOrEqualTo(3);
    }
}
