package org.childalert.notifications.volunteers;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a volunteer without a confirmed channel is kept (docs/operations.md, "What grows, and its bound").
 *
 * @param period time after the sign-up, the newest channel added and the last code or link sent, at which a
 *               volunteer none of whose channels was ever confirmed is deleted
 * @param schedule when the deletion runs, as a cron expression ({@code -} switches it off)
 * @param batchSize how many volunteers one transaction deletes
 */
@Validated
@ConfigurationProperties("childalert.volunteers.unverified")
record UnverifiedVolunteerRetentionProperties(
        @NotNull @DefaultValue("30d") Duration period,
        @NotNull @DefaultValue("0 25 3 * * *") String schedule,
        @Positive @DefaultValue("500") int batchSize) {
}
