package org.childalert.kit.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * How long the messaging tables keep what they no longer need, and when they are purged. The names are the ones
 * the services have always used: {@code childalert.outbox.retention}, {@code childalert.outbox.purge-schedule},
 * {@code childalert.outbox.purge-batch-size} and {@code childalert.processed-events.retention}. Other settings
 * under {@code childalert.outbox} (the relay's) belong to the services and are ignored here.
 */
@ConfigurationProperties("childalert")
public record MessagingRecordsProperties(@DefaultValue Outbox outbox, @DefaultValue ProcessedEvents processedEvents) {

    /**
     * @param retention      a published event is deleted this long after publication (its payload may hold
     *                       personal data); an unpublished one never is
     * @param purgeSchedule  a cron expression (second first), or {@code "-"} for no scheduled purge (tests)
     * @param purgeBatchSize rows deleted per transaction, so that no table is locked for long
     */
    public record Outbox(@DefaultValue("7d") Duration retention,
                         @DefaultValue("0 45 * * * *") String purgeSchedule,
                         @DefaultValue("5000") int purgeBatchSize) {

        public Outbox {
            requirePositive(retention, "childalert.outbox.retention");
            if (purgeSchedule == null || purgeSchedule.isBlank()) {
                throw new IllegalArgumentException("childalert.outbox.purge-schedule must be a cron expression or \""
                        + Scheduled.CRON_DISABLED + "\", was blank");
            }
            if (purgeBatchSize < 1) {
                throw new IllegalArgumentException("childalert.outbox.purge-batch-size must be positive, was "
                        + purgeBatchSize);
            }
        }

        boolean scheduled() {
            return !Scheduled.CRON_DISABLED.equals(purgeSchedule.trim());
        }
    }

    /** @param retention a record of a handled event is deleted this long after; longer than any redelivery window */
    public record ProcessedEvents(@DefaultValue("30d") Duration retention) {

        public ProcessedEvents {
            requirePositive(retention, "childalert.processed-events.retention");
        }
    }

    private static void requirePositive(Duration retention, String name) {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + retention);
        }
    }
}
