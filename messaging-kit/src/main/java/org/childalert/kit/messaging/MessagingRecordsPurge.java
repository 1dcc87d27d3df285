package org.childalert.kit.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes what the messaging tables ({@code outbox_event}, {@code processed_event}, created by each service's own
 * migrations) no longer need. A published outbox row keeps its event's payload (a child's first name, a
 * description, a phone number) only for inspection and replay: after {@code childalert.outbox.retention} (7 days)
 * it goes; a row not yet published is never deleted. A processed-event record only guards against redelivery:
 * after {@code childalert.processed-events.retention} (30 days, longer than any redelivery window) it goes.
 * Deletes run in batches, each its own transaction, so that neither table is locked for long.
 */
public final class MessagingRecordsPurge {

    private static final Logger log = LoggerFactory.getLogger(MessagingRecordsPurge.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration outboxRetention;
    private final Duration processedEventsRetention;
    private final int batchSize;

    MessagingRecordsPurge(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
                          MessagingProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.outboxRetention = properties.outbox().retention();
        this.processedEventsRetention = properties.processedEvents().retention();
        this.batchSize = properties.outbox().purgeBatchSize();
    }

    /** What the schedule runs: purges what is due now and logs it if anything went. */
    public void purgeNow() {
        Purged purged = purgeAt(clock.instant());
        if (purged.publishedEvents() > 0 || purged.processedEvents() > 0) {
            log.info("Purged {} published outbox event(s) older than {} and {} processed-event record(s) older than {}",
                    purged.publishedEvents(), outboxRetention, purged.processedEvents(), processedEventsRetention);
        }
    }

    /** Deletes what is due at {@code now}; says how many rows of each table went. */
    public Purged purgeAt(Instant now) {
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

    /** How many published outbox events and processed-event records one purge deleted. */
    public record Purged(int publishedEvents, int processedEvents) {
    }
}
