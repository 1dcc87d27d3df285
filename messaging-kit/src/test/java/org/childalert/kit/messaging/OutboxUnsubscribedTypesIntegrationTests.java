package org.childalert.kit.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.childalert.kit.messaging.OutboxIntegrationTests.NobodyListens;
import org.childalert.kit.messaging.OutboxIntegrationTests.SomethingHappened;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service publishes some events as facts that no consumer binds today (notification-service's
 * DeliveryProgressed, say). The broker routing such an event to no queue has delivered it: the relay marks it
 * published on the first pass instead of retrying it and, with parking on, parking it with an ERROR.
 */
@SpringBootTest(classes = OutboxIntegrationTests.Service.class, properties = {
        "spring.application.name=kit-tests",
        "spring.cloud.stream.output-bindings=publishedEvents",
        "spring.cloud.stream.bindings.publishedEvents.destination=" + OutboxIntegrationTests.EXCHANGE,
        "spring.cloud.stream.rabbit.bindings.publishedEvents.producer.exchange-type=topic",
        "spring.cloud.stream.rabbit.bindings.publishedEvents.producer.routing-key-expression="
                + "T(org.springframework.cloud.function.cloudevent.CloudEventMessageUtils).getType(#root)",
        "spring.cloud.stream.rabbit.bindings.publishedEvents.producer.use-confirm-header=true",
        "childalert.outbox.poll-interval=1h",
        "childalert.outbox.confirm-timeout=2s",
        "childalert.outbox.park-after-attempts=2",
        "childalert.outbox.unsubscribed-types=" + OutboxIntegrationTests.NOBODY_LISTENS })
class OutboxUnsubscribedTypesIntegrationTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxRelay relay;

    @Autowired
    AmqpAdmin admin;

    @BeforeEach
    void anExchangeWithNoQueueAndAnEmptyOutbox() {
        admin.declareExchange(new TopicExchange(OutboxIntegrationTests.EXCHANGE));
        jdbc.sql("delete from outbox_event").update();
    }

    @Test
    void anEventOfATypeNobodySubscribesToIsPublishedOnTheFirstPassEvenThoughNoQueueTakesIt() {
        NobodyListens unheard = new NobodyListens(new SomethingHappened(UUID.randomUUID(), UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), "progress"));
        transactions.executeWithoutResult(status -> events.publishEvent(unheard));

        // the commit asks the relay for a pass in the background; this pass and that one may take it either way
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            relay.publishPending();
            return count("published_at is not null", unheard) == 1;
        });

        assertThat(count("attempts = 1 and parked_at is null and last_error is null", unheard))
                .as("published on its first attempt, neither retried nor parked").isEqualTo(1);
    }

    private long count(String condition, NobodyListens event) {
        return jdbc.sql("select count(*) from outbox_event where event_id = :id and " + condition)
                .param("id", event.eventId()).query(Long.class).single();
    }
}
