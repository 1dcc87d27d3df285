package org.childalert.alerts.observability;

import java.util.List;

import org.childalert.alerts.timers.TimerTroubles;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The health report's {@code timers}: WARNING while a timer was given up within the warning window or an alert is
 * overdue for expiry, with their ids (never the child's data). A warning, not DOWN: the service still serves and
 * readiness does not include it; an operator must look (docs/operations.md). The status order puts WARNING between
 * OUT_OF_SERVICE and UP ({@code management.endpoint.health.status.order}), answered with 200.
 */
@Component("timers")
class TimersHealthIndicator implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "A timer could not fire; see the failed timers");
    private static final int LISTED = 10;

    private final TimerTroubles troubles;

    TimersHealthIndicator(TimerTroubles troubles) {
        this.troubles = troubles;
    }

    @Override
    public Health health() {
        long failed = troubles.recentlyFailedCount();
        long overdue = troubles.overdueExpiries();
        Health.Builder health = failed > 0 || overdue > 0 ? Health.status(WARNING) : Health.up();
        health.withDetail("failedTimers", failed).withDetail("overdueExpiries", overdue);
        if (failed > 0) {
            List<String> listed = troubles.recentlyFailed(LISTED).stream()
                    .map(timer -> timer.kind() + " timer " + timer.id() + " of alert " + timer.alertId()
                            + ", given up at " + timer.givenUpAt())
                    .toList();
            health.withDetail("recentlyFailed", listed);
        }
        return health.build();
    }
}
