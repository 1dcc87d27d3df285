package org.childalert.cases.retention;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the audit trail is kept (docs/operations.md, "What grows, and its bound").
 *
 * @param period age at which an audit entry is deleted, unless it is about a case whose personal data is still held
 *               (default 2192 days, six years: the two years a closed case's data is kept, then the years in which
 *               a complaint or claim about how it was handled may still come)
 * @param schedule when the purge runs, as a cron expression ({@code -} switches it off)
 * @param batchSize how many entries one transaction deletes (and one summary entry records)
 */
@Validated
@ConfigurationProperties("childalert.retention.audit-log")
record AuditLogRetentionProperties(
        @NotNull @DefaultValue("2192d") Duration period,
        @NotNull @DefaultValue("0 50 3 * * *") String schedule,
        @Positive @DefaultValue("5000") int batchSize) {
}
