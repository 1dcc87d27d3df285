package org.childalert.alerts.retention;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long an ended alert (cancelled, withdrawn, expired, rejected or refused) is kept, with everything that hangs
 * on it, before it is deleted.
 *
 * @param period    time after an alert ended at which it is deleted; the case-service erases a closed case's
 *                  personal data after the same 730 days
 * @param schedule  when the deletion runs, as a cron expression (second first); {@code -} switches it off
 * @param batchSize alerts deleted per transaction, so that no table is locked for long
 */
@Validated
@ConfigurationProperties("childalert.retention.ended-alerts")
record EndedAlertRetentionProperties(
        @NotNull @DefaultValue("730d") Duration period,
        @NotBlank @DefaultValue("0 15 4 * * *") String schedule,
        @Positive @DefaultValue("200") int batchSize) {

    EndedAlertRetentionProperties {
        if (period != null && (period.isNegative() || period.isZero())) {
            throw new IllegalArgumentException("childalert.retention.ended-alerts.period must be positive, was "
                    + period);
        }
    }
}
