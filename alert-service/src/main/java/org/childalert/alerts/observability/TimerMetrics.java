package org.childalert.alerts.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.childalert.alerts.timers.TimerTroubles;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The timers' troubles as gauges, read from the database at each scrape (so every instance reports the same, and
 * a restart forgets nothing): {@code childalert_timers_failed_recent} (given up within the warning window) and
 * {@code childalert_alerts_expiry_overdue} (active alerts past expiry and grace: a child's data still published).
 * The count of timers given up by this instance is {@code childalert_timers_failed_total} (TimerPoller).
 */
@Component
class TimerMetrics implements SmartInitializingSingleton {

    private final MeterRegistry meters;
    private final TimerTroubles troubles;

    TimerMetrics(MeterRegistry meters, TimerTroubles troubles) {
        this.meters = meters;
        this.troubles = troubles;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Gauge.builder("childalert.timers.failed.recent", troubles, TimerTroubles::recentlyFailedCount)
                .description("Timers given up (FAILED) within childalert.timers.supervision.failed-warning-window")
                .register(meters);
        Gauge.builder("childalert.alerts.expiry.overdue", troubles, TimerTroubles::overdueExpiries)
                .description("Active alerts past their expiry by more than the grace: their child's data is still out")
                .register(meters);
    }
}
