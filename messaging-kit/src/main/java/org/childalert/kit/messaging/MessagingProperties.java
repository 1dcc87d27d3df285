package org.childalert.kit.messaging;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The settings of a service's messaging: its outbox relay, and how long the messaging tables keep what they no
 * longer need. The names are the ones the services have always used ({@code childalert.outbox.*},
 * {@code childalert.processed-events.*}).
 */
@ConfigurationProperties("childalert")
public record MessagingProperties(@DefaultValue Outbox outbox, @DefaultValue ProcessedEvents processedEvents) {

    /**
     * @param binding        the Spring Cloud Stream output binding the relay publishes through; its destination
     *                       (the service's topic exchange) and routing key are the binding's settings
     * @param source         the CloudEvents {@code source} of what the service publishes; by default
     *                       {@code /} and {@code spring.application.name}, e.g. {@code /alert-service}
     * @param batchSize      rows the relay claims, publishes and marks per transaction
     * @param confirmTimeout how long the relay waits for the broker's confirm of an event before retrying it later
     * @param pollInterval   how often the relay looks for what no commit nudged it about (broker back, restart)
     * @param retention      a published event is deleted this long after publication (its payload may hold
     *                       personal data); an unpublished one never is
     * @param purgeSchedule  a cron expression (second first), or {@code "-"} for no scheduled purge (tests)
     * @param purgeBatchSize rows deleted per transaction, so that no table is locked for long
     * @param parkAfterAttempts failed publications after which an event is parked ({@code outbox_event.parked_at},
     *                       which the service's migrations must add): left out of every later pass, with an ERROR,
     *                       so that an event the broker never takes (unroutable) stops holding newer ones back;
     *                       {@code 0} (the default) never parks, for a table without that column
     * @param unsubscribedTypes event types (e.g. {@code notifications.DeliveryProgressed.v1}) that the service
     *                       publishes as facts for whoever may want them, and that no consumer binds today (the
     *                       event catalogue in docs/architecture.md says which): the broker routing one to no queue
     *                       has delivered it, so it is marked published, not retried or parked. Any other type that
     *                       no queue takes is a missing consumer: retried, then parked
     */
    public record Outbox(@DefaultValue("publishedEvents") String binding,
                         String source,
                         @DefaultValue("200") int batchSize,
                         @DefaultValue("10s") Duration confirmTimeout,
                         @DefaultValue("2s") Duration pollInterval,
                         @DefaultValue("7d") Duration retention,
                         @DefaultValue("0 45 * * * *") String purgeSchedule,
                         @DefaultValue("5000") int purgeBatchSize,
                         @DefaultValue("0") int parkAfterAttempts,
                         @DefaultValue Set<String> unsubscribedTypes) {

        public Outbox {
            requirePositive(retention, "childalert.outbox.retention");
            requirePositive(confirmTimeout, "childalert.outbox.confirm-timeout");
            requirePositive(pollInterval, "childalert.outbox.poll-interval");
            if (purgeSchedule == null || purgeSchedule.isBlank()) {
                throw new IllegalArgumentException("childalert.outbox.purge-schedule must be a cron expression or \""
                        + Scheduled.CRON_DISABLED + "\", was blank");
            }
            requirePositive(purgeBatchSize, "childalert.outbox.purge-batch-size");
            requirePositive(batchSize, "childalert.outbox.batch-size");
            unsubscribedTypes = Set.copyOf(unsubscribedTypes);
            if (parkAfterAttempts < 0) {
                throw new IllegalArgumentException("childalert.outbox.park-after-attempts must be 0 (never) or "
                        + "positive, was " + parkAfterAttempts);
            }
        }

        boolean parks() {
            return parkAfterAttempts > 0;
        }

        boolean scheduled() {
            return !Scheduled.CRON_DISABLED.equals(purgeSchedule.trim());
        }
    }

    /**
     * @param consumer  the name handled events are recorded under ({@code processed_event.consumer}); by default
     *                  {@code spring.application.name}
     * @param retention a record of a handled event is deleted this long after; longer than any redelivery window
     */
    public record ProcessedEvents(String consumer, @DefaultValue("30d") Duration retention) {

        public ProcessedEvents {
            requirePositive(retention, "childalert.processed-events.retention");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
