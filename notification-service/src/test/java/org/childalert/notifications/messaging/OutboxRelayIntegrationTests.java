package org.childalert.notifications.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.childalert.events.EventType;
import org.childalert.events.PoliceZoneAlerted;
import org.childalert.kit.messaging.Outbox;
import org.childalert.kit.messaging.OutboxRelay;
import org.childalert.kit.test.TestBroker;
import org.childalert.notifications.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay publishes a transaction's events once each, with the broker's confirm, and marks the confirmed batch
 * published in one statement: none stays pending, none is published again by a later pass.
 */
@NotificationServiceTest
class OutboxRelayIntegrationTests {

    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aTransactionsEventsArePublishedOnceEachAndAllMarkedPublished() {
        String queue = broker.listen("notifications.events", EventType.POLICE_ZONE_ALERTED.typeName());
        UUID alertId = UUID.randomUUID();
        List<PoliceZoneAlerted> events = IntStream.range(0, 5)
                .mapToObj(n -> new PoliceZoneAlerted(UUID.randomUUID(), Instant.now(), alertId, "53" + n, "Zone " + n))
                .toList();

        transactions.executeWithoutResult(status -> events.forEach(outbox::record));

        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("""
                select count(*) from outbox_event where subject_id = :alertId and published_at is not null and attempts = 1
                """).param("alertId", alertId).query(Long.class).single() == events.size());
        relay.publishPending(); // a later pass finds nothing of these left to publish
        List<String> received = new ArrayList<>();
        Message message;
        while ((message = broker.receive(queue, 2_000)) != null && received.size() <= events.size()) {
            received.add(message.getMessageProperties().getMessageId());
        }
        assertThat(received).containsExactlyInAnyOrderElementsOf(events.stream().map(e -> e.eventId().toString()).toList());
    }
}
