package org.childalert.notifications.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes what the messaging tables no longer need (the same settings as case-service and alert-service). Every
 * large alert adds a published outbox row per delivery outcome and a processed-event record per event handled,
 * about 100,000 rows. A published outbox row keeps its event's payload only for inspection and replay: after {@code childalert.outbox.retention} (7 days)
 * it goes; a row not yet published is never deleted. A processed-event record only guards against redelivery:
 * after {@code childalert.processed-events.retention} (30 days, longer than any redelivery window) it goes.
 * Deletes run in batches, each its own transaction, so that neither table is locked for long.
 */
@Component
class MessagingRecordsPurge {

    private static final Logger log = LoggerFactory.getLogger(MessagingRecordsPurge.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration outboxRetention;
    private final Duration processedEventsRetention;
    private final int batchSize;

    @Autowired
    MessagingRecordsPurge(JdbcClient jdbc, TransactionTemplate transactions,
                          @Value("${childalert.outbox.retention:7d}") Duration outboxRetention,
                          @Value("${childalert.processed-events.retention:30d}") Duration processedEventsRetention,
                          @Value("${childalert.outbox.purge-batch-size:5000}") int batchSize) {
        this(jdbc, transactions, Clock.systemUTC(), outboxRetention, processedEventsRetention, batchSize);
    }

    MessagingRecordsPurge(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
                          @Value("${childalert.outbox.retention:7d}") Duration outboxRetention,
                          @Value("${childalert.processed-events.retention:30d}") Duration processedEventsRetention,
                          @Value("${childalert.outbox.purge-batch-size:5000}") int batchSize) {
        if (outboxRetention.isNegative() || outboxRetention.isZero()) {
            throw new IllegalArgumentException("childalert.outbox.retention must be positive, was " + outboxRetention);
        }
        if (processedEventsRetention.isNegative() || processedEventsRetention.isZero()) {
            throw new IllegalArgumentException("childalert.processed-events.retention must be positive, was "
                    + processedEventsRetention);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("childalert.outbox.purge-batch-size must be positive, was " + batchSize);
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.outboxRetention = outboxRetention;
        this.processedEventsRetention = processedEventsRetention;
        this.batchSize = batchSize;
    }

    @Scheduled(cron = "${childalert.outbox.purge-schedule:0 45 * * * *}")
    void purgeScheduled() {
        Purged purged = purgeAt(clock.instant());
        if (purged.publishedEvents() > 0 || purged.processedEvents() > 0) {
            log.info("Purged {} published outbox event(s) older than {} and {} processed-event record(s) older than {}",
                    purged.publishedEvents(), outboxRetention, purged.processedEvents(), processedEventsRetention);
        }
    }

    /** Deletes what is due at {@code now}; says how many rows of each table went. */
    Purged purgeAt(Instant now) {
        int published = inBatches("""
                delete from outbox_event where event_id in (
                    select event_id from outbox_event
                    where published_at is not null and published_at < :cutoff
                    limit :limit)
                """, now.minus(outboxRetention));
        int processed = inBatches("""
                delete from processed_event where (consumer, event_id) in (
                    select consumer, event_id from processed_event
                    where processed_at < :cutoff
                    limit :limit)
                """, now.minus(processedEventsRetention));
        return new Purged(published, processed);
    }

    private int inBatches(String delete, Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            Integer batch = transactions.execute(status -> jdbc.sql(delete)
                    .param("cutoff", Timestamp.from(cutoff))
                    .param("limit", batchSize)
                    .update());
            deleted = batch == null ? 0 : batch;
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }

    record Purged(int publishedEvents, int processedEvents) {
    }
}
