package org.childalert.notifications.dispatch;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param batchSize how many due deliveries one dispatcher pass claims at a time
 * @param pollInterval how often the dispatcher looks for due deliveries besides right after a commit
 * @param sendingLease after how long a delivery claimed by an instance that died is given back to the queue
 * @param maxAttempts how many times a delivery is tried before it is given up as failed
 * @param firstRetryDelay how long a delivery that failed for a temporary reason waits before its second
 *        attempt; each later wait doubles, up to {@code maxRetryDelay}
 * @param maxRetryDelay the longest wait between two attempts
 * @param progressInterval how often the alerts' progress (messages handed over, given up) is published as
 *        DeliveryProgressed, one event per alert with what changed since the last
 */
@Validated
@ConfigurationProperties("childalert.delivery")
record DeliveryProperties(@Min(1) int batchSize, @NotNull Duration pollInterval, @NotNull Duration sendingLease,
                          @Min(1) int maxAttempts, @NotNull Duration firstRetryDelay, @NotNull Duration maxRetryDelay,
                          @NotNull Duration progressInterval) {

    /** The wait after the given (1-based) failed attempt. */
    Duration retryDelayAfter(int attempt) {
        Duration delay = firstRetryDelay.multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
