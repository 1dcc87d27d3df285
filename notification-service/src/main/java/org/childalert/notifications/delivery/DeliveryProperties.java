package org.childalert.notifications.delivery;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param batchSize how many pending deliveries one dispatcher pass claims at a time
 * @param pollInterval how often the dispatcher looks for pending deliveries besides right after a commit
 * @param sendingLease after how long a delivery claimed by an instance that died is given back to the queue
 */
@Validated
@ConfigurationProperties("childalert.delivery")
record DeliveryProperties(@Min(1) int batchSize, @NotNull Duration pollInterval, @NotNull Duration sendingLease) {
}
