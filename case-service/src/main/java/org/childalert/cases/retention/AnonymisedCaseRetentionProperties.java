package org.childalert.cases.retention;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the anonymised rows of a case stay for the yearly figures (docs/operations.md, "What grows, and its
 * bound").
 *
 * @param years how many calendar years before the current one (in {@code childalert.statistics.zone}) keep their
 *              cases: with 10, in 2026 the cases opened in 2016 or later stay, those opened earlier go once their
 *              personal data has been erased
 * @param schedule when the deletion runs, as a cron expression ({@code -} switches it off)
 * @param batchSize how many cases one transaction deletes
 */
@Validated
@ConfigurationProperties("childalert.retention.anonymised-cases")
record AnonymisedCaseRetentionProperties(
        @Positive @DefaultValue("10") int years,
        @NotNull @DefaultValue("0 40 3 * * *") String schedule,
        @Positive @DefaultValue("200") int batchSize) {
}
