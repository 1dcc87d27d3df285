package org.childalert.cases.retention;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the personal data of a closed case is kept.
 *
 * @param period time after a case's closure at which its personal data is erased (e.g. {@code 730d})
 * @param schedule when the erasure runs, as a cron expression ({@code -} switches it off)
 * @param batchSize how many cases one pass looks at at a time
 */
@Validated
@ConfigurationProperties("childalert.retention")
record RetentionProperties(
        @NotNull @DefaultValue("730d") Duration period,
        @NotNull @DefaultValue("0 30 3 * * *") String schedule,
        @Positive @DefaultValue("200") int batchSize) {
}
