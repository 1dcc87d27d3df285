package org.childalert.alerts.timers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What watches over the timers when one cannot fire.
 *
 * @param expiryGrace         an active alert this long past its expiry is ended by the sweeper, whatever its expiry
 *                            timer's state (given up, lost, stuck); longer than the timer's own retries take
 * @param expirySweepInterval how often the sweeper looks for such alerts
 * @param failedWarningWindow a timer given up within this window keeps the health report's warning
 */
@ConfigurationProperties("childalert.timers.supervision")
public record TimerSupervision(@DefaultValue("15m") Duration expiryGrace,
                               @DefaultValue("1m") Duration expirySweepInterval,
                               @DefaultValue("24h") Duration failedWarningWindow) {

    public TimerSupervision {
        requirePositive(expiryGrace, "expiry-grace");
        requirePositive(expirySweepInterval, "expiry-sweep-interval");
        requirePositive(failedWarningWindow, "failed-warning-window");
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("childalert.timers.supervision." + name + " must be positive, was " + value);
        }
    }
}
