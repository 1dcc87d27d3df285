package org.childalert.notifications.providers;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The circuit breaker of each provider (Twilio, the SMTP relay).
 *
 * @param failureThreshold after how many consecutive failures (5xx, timeouts, connection refused) the provider is
 *                         left alone
 * @param coolDown how long it is left alone before one trial call
 */
@Validated
@ConfigurationProperties("childalert.delivery.circuit-breaker")
public record CircuitBreakerProperties(@Min(1) int failureThreshold, @NotNull Duration coolDown) {
}
