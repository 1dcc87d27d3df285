package org.childalert.notifications.fanout;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param chunkSize how many deliveries one committed transaction of a fan-out queues: each commit lets the
 *        dispatcher start on them, so the first messages leave while the rest are still being queued
 * @param firstChunkSize how many volunteers the first of their chunks holds: the volunteers come nearest first,
 *        and a small first commit hands the nearest to the dispatcher as soon as they are known instead of after
 *        a whole chunk's insert (when the provider's rate is the limit, the nearest wait that much less)
 * @param workers how many fan-out jobs one instance runs at once (each holds two database connections), so that
 *        a second alert does not wait for a large one's fan-out
 * @param lease how long a worker holds a job without renewing it (it renews after each chunk); a job whose
 *        worker stopped is taken up again after that
 * @param pollInterval how often an instance looks for jobs besides right after an alert event is committed
 */
@Validated
@ConfigurationProperties("childalert.fanout")
record FanOutProperties(@Min(1) @Max(10_000) int chunkSize, @Min(1) @Max(10_000) int firstChunkSize,
                        @Min(1) @Max(8) int workers, @NotNull Duration lease,
                        @NotNull Duration pollInterval) {
}
