package org.childalert.notifications.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * How long what an alert leaves behind here is kept (docs/operations.md, "What grows, and its bound").
 *
 * @param recipientRows   an ended alert's per-recipient rows (deliveries with their phone numbers and e-mail
 *                        addresses, replies with their text, zones reached, fan-out jobs) are deleted this long
 *                        after it ended (cancelled or expired), once their counts are summarised
 * @param endedAlerts     the alert's notice, stripped of the child's details when its recipient rows went, and its
 *                        summary are deleted this long after it ended: as long as the case's own data (case-service's
 *                        {@code childalert.retention.period}); at least {@code recipientRows}
 * @param stuckAlerts     an alert that never ended here (no AlertCancelled nor AlertExpired arrived) is treated as
 *                        ended this long after it was issued: longer than any alert runs (hours, extensions included)
 *                        plus {@code recipientRows}, so that it never catches an alert the normal rule would
 * @param finishedFanOuts a fan-out job that is DONE or STOPPED is deleted this long after it finished
 * @param schedule        when the purge runs, a cron expression (second first), or {@code "-"} for never (tests)
 * @param batchSize       rows deleted per statement (each its own transaction), so that no table is locked for long
 */
@ConfigurationProperties("childalert.retention")
public record RetentionProperties(@DefaultValue("90d") Duration recipientRows,
                                  @DefaultValue("730d") Duration endedAlerts,
                                  @DefaultValue("120d") Duration stuckAlerts,
                                  @DefaultValue("1d") Duration finishedFanOuts,
                                  @DefaultValue("0 40 3 * * *") String schedule,
                                  @DefaultValue("5000") int batchSize) {

    public RetentionProperties {
        requirePositive(recipientRows, "recipient-rows");
        requirePositive(endedAlerts, "ended-alerts");
        requirePositive(stuckAlerts, "stuck-alerts");
        requirePositive(finishedFanOuts, "finished-fan-outs");
        if (endedAlerts.compareTo(recipientRows) < 0) {
            throw new IllegalArgumentException("childalert.retention.ended-alerts (" + endedAlerts
                    + ") must be at least childalert.retention.recipient-rows (" + recipientRows + ")");
        }
        if (stuckAlerts.compareTo(recipientRows) <= 0) {
            throw new IllegalArgumentException("childalert.retention.stuck-alerts (" + stuckAlerts
                    + ") must be longer than childalert.retention.recipient-rows (" + recipientRows + ")");
        }
        if (schedule == null || schedule.isBlank()) {
            throw new IllegalArgumentException("childalert.retention.schedule must be a cron expression or \""
                    + Scheduled.CRON_DISABLED + "\", was blank");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("childalert.retention.batch-size must be positive, was " + batchSize);
        }
    }

    boolean scheduled() {
        return !Scheduled.CRON_DISABLED.equals(schedule.trim());
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("childalert.retention." + name + " must be positive, was " + duration);
        }
    }
}
