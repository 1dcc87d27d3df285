package org.childalert.notifications.providers;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.childalert.events.DeliveryChannel;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The circuit breaker of each provider: Twilio for SMS, the SMTP relay for email. Their states are shown in the
 * actuator's health ({@code components.providerCircuits.details}; the service stays UP while a breaker is open,
 * since it keeps queueing and retries by itself) and as the gauge {@code childalert.delivery.circuit.state}
 * (0 closed, 1 half-open, 2 open) with the counter of openings {@code childalert.delivery.circuit.opened}.
 */
@Component("providerCircuits")
public class ProviderCircuits implements HealthIndicator {

    private final CircuitBreaker twilio;
    private final CircuitBreaker smtp;

    public ProviderCircuits(CircuitBreakerProperties properties, MeterRegistry metrics) {
        this.twilio = new CircuitBreaker("twilio", properties.failureThreshold(), properties.coolDown(), Clock.systemUTC());
        this.smtp = new CircuitBreaker("smtp", properties.failureThreshold(), properties.coolDown(), Clock.systemUTC());
        for (CircuitBreaker breaker : new CircuitBreaker[] {twilio, smtp}) {
            Gauge.builder("childalert.delivery.circuit.state", breaker, b -> b.state().ordinal() == 0 ? 0
                            : b.state() == CircuitBreaker.State.HALF_OPEN ? 1 : 2)
                    .tag("provider", breaker.provider())
                    .description("0 closed, 1 half-open (a trial call may go through), 2 open (the provider is left alone)")
                    .register(metrics);
            Gauge.builder("childalert.delivery.circuit.opened", breaker, CircuitBreaker::timesOpened)
                    .tag("provider", breaker.provider())
                    .description("How many times the breaker opened since the service started")
                    .register(metrics);
        }
    }

    public CircuitBreaker of(DeliveryChannel channel) {
        return channel == DeliveryChannel.SMS ? twilio : smtp;
    }

    @Override
    public Health health() {
        return Health.up().withDetails(Map.of(
                "twilio", twilio.state().name(), "twilioTimesOpened", twilio.timesOpened(),
                "smtp", smtp.state().name(), "smtpTimesOpened", smtp.timesOpened())).build();
    }
}
