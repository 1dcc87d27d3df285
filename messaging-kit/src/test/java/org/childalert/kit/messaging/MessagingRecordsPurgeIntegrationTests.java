package org.childalert.kit.messaging;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge against the real PostgreSQL (kit_test, its tables as the services' migrations create them). Each
 * test writes its rows, purges and looks in one transaction that it rolls back, so the tests never see each
 * other's rows.
 */
@SpringBootTest(classes = MessagingRecordsPurgeIntegrationTests.WithADatabase.class,
        properties = "childalert.outbox.purge-batch-size=2")
class MessagingRecordsPurgeIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Autowired
    MessagingRecordsPurge purge;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void deletesPublishedEventsOlderThanSevenDaysAndKeepsEveryUnpublishedOne() {
        transactions.executeWithoutResult(status -> {
            UUID publishedLongAgo = outboxEvent(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(8)));
            UUID publishedJustInside = outboxEvent(NOW.minus(Duration.ofDays(7)), NOW.minus(Duration.ofDays(7)).plusSeconds(60));
            UUID neverPublished = outboxEvent(NOW.minus(Duration.ofDays(30)), null);

            MessagingRecordsPurge.Purged purged = purge.purgeAt(NOW);

            assertThat(purged.publishedEvents()).isPositive();
            assertThat(remainingOutbox(publishedLongAgo, publishedJustInside, neverPublished))
                    .containsExactlyInAnyOrder(publishedJustInside, neverPublished);
            assertThat(jdbc.sql("select count(*) from outbox_event where published_at < :cutoff")
                    .param("cutoff", Timestamp.from(NOW.minus(Duration.ofDays(7)))).query(Long.class).single())
                    .as("no published event older than the retention period is left").isZero();
            status.setRollbackOnly();
        });
    }

    @Test
    void deletesMoreOldEventsThanOneBatchHolds() {
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 5; i++) {
                outboxEvent(NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofDays(10)));
            }

            assertThat(purge.purgeAt(NOW).publishedEvents()).as("five rows in batches of two").isGreaterThanOrEqualTo(5);
            assertThat(jdbc.sql("select count(*) from outbox_event where published_at < :cutoff")
                    .param("cutoff", Timestamp.from(NOW.minus(Duration.ofDays(7)))).query(Long.class).single())
                    .isZero();
            status.setRollbackOnly();
        });
    }

    @Test
    void deletesProcessedEventRecordsOlderThanThirtyDays() {
        transactions.executeWithoutResult(status -> {
            UUID handledLongAgo = processedEvent(NOW.minus(Duration.ofDays(31)));
            UUID handledRecently = processedEvent(NOW.minus(Duration.ofDays(29)));

            MessagingRecordsPurge.Purged purged = purge.purgeAt(NOW);

            assertThat(purged.processedEvents()).isPositive();
            assertThat(jdbc.sql("select event_id from processed_event where event_id in (:ids)")
                    .param("ids", List.of(handledLongAgo, handledRecently)).query(UUID.class).list())
                    .containsExactly(handledRecently);
            status.setRollbackOnly();
        });
    }

    private UUID outboxEvent(Instant recordedAt, Instant publishedAt) {
        UUID eventId = UUID.randomUUID();
        jdbc.sql("""
                insert into outbox_event (event_id, type_name, exchange, subject_id, payload, occurred_at, recorded_at, published_at)
                values (:id, 'kit.SomethingHappened.v1', 'kit.events', :subject, cast(:payload as jsonb), :at, :at, :publishedAt)
                """)
                .param("id", eventId)
                .param("subject", UUID.randomUUID())
                .param("payload", "{\"child\":{\"firstName\":\"Lina\"}}")
                .param("at", Timestamp.from(recordedAt))
                .param("publishedAt", publishedAt == null ? null : Timestamp.from(publishedAt))
                .update();
        return eventId;
    }

    private UUID processedEvent(Instant processedAt) {
        UUID eventId = UUID.randomUUID();
        jdbc.sql("insert into processed_event (consumer, event_id, processed_at) values ('kit-tests', :id, :at)")
                .param("id", eventId)
                .param("at", Timestamp.from(processedAt))
                .update();
        return eventId;
    }

    private List<UUID> remainingOutbox(UUID... ids) {
        return jdbc.sql("select event_id from outbox_event where event_id in (:ids)")
                .param("ids", List.of(ids))
                .query(UUID.class)
                .list();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class WithADatabase {
    }
}
