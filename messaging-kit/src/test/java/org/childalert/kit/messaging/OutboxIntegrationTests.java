package org.childalert.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The outbox, its relay and inbound de-duplication against the real PostgreSQL (kit_test, the services' table
 * shapes) and RabbitMQ (the test vhost), with a made-up event contract of the kind a service declares.
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
        "childalert.outbox.batch-size=3",
        "childalert.outbox.confirm-timeout=2s" })
class OutboxIntegrationTests {

    static final String EXCHANGE = "kit.events";
    static final String HAPPENED = "kit.SomethingHappened.v1";
    static final String NOBODY_LISTENS = "kit.SomethingNobodyHears.v1";
    private static final String QUEUE = "kit-tests.something-happened";

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxRelay relay;

    @Autowired
    InboundEvents inbound;

    @Autowired
    AmqpAdmin admin;

    @Autowired
    RabbitTemplate rabbit;

    @BeforeEach
    void aQueueForOneTypeAndAnEmptyOutbox() {
        TopicExchange exchange = new TopicExchange(EXCHANGE);
        admin.declareExchange(exchange);
        Queue queue = new Queue(QUEUE, false, false, false);
        admin.deleteQueue(QUEUE);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with(HAPPENED));
        jdbc.sql("delete from outbox_event").update();
    }

    @Test
    void recordsATransactionsEventsWhenItCommitsAndNothingWhenItRollsBack() {
        SomethingHappened kept = happened("kept");
        SomethingHappened alsoKept = happened("also kept");
        SomethingHappened undone = happened("undone");

        transactions.executeWithoutResult(status -> {
            events.publishEvent(kept);
            events.publishEvent(alsoKept);
            events.publishEvent("not an event of the catalogue's type");
        });
        transactions.executeWithoutResult(status -> {
            events.publishEvent(undone);
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("select event_id from outbox_event").query(UUID.class).list())
                .containsExactlyInAnyOrder(kept.eventId(), alsoKept.eventId());
        assertThat(jdbc.sql("select type_name || ' ' || exchange || ' ' || subject_id || ' ' || (payload->>'what') "
                        + "from outbox_event where event_id = :id").param("id", kept.eventId()).query(String.class).single())
                .isEqualTo(HAPPENED + " " + EXCHANGE + " " + kept.subjectId() + " kept");
    }

    @Test
    void refusesAnEventPublishedOutsideATransaction() {
        assertThatThrownBy(() -> events.publishEvent(happened("lost")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void publishesEveryPendingEventWithItsCloudEventsHeadersAndMarksThemPublished() {
        List<SomethingHappened> recorded = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 7; i++) { // more than two batches of three
                SomethingHappened event = happened("number " + i);
                recorded.add(event);
                events.publishEvent(event);
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> unpublished() == 0);

        List<org.springframework.amqp.core.Message> received = new ArrayList<>();
        for (int i = 0; i < recorded.size(); i++) {
            received.add(rabbit.receive(QUEUE, 5000));
        }
        assertThat(received).doesNotContainNull();
        org.springframework.amqp.core.Message first = received.stream()
                .filter(m -> m.getMessageProperties().getMessageId().equals(recorded.get(0).eventId().toString()))
                .findFirst().orElseThrow();
        Map<String, Object> headers = first.getMessageProperties().getHeaders();
        assertThat(headers).containsEntry("cloudEvents:type", HAPPENED)
                .containsEntry("cloudEvents:id", recorded.get(0).eventId().toString())
                .containsEntry("cloudEvents:source", "/kit-tests")
                .containsEntry("cloudEvents:subject", recorded.get(0).subjectId().toString())
                .containsEntry("cloudEvents:time", recorded.get(0).occurredAt().toString());
        assertThat(new String(first.getBody(), StandardCharsets.UTF_8)).contains("\"what\": \"number 0\"");
        // sent oldest first, but the binder may publish them on several channels: the broker keeps no order across those
        assertThat(received).extracting(message -> message.getMessageProperties().getMessageId())
                .containsExactlyInAnyOrderElementsOf(recorded.stream().map(e -> e.eventId().toString()).toList());
        assertThat(jdbc.sql("select count(*) from outbox_event where attempts = 1 and last_error is null")
                .query(Long.class).single()).isEqualTo(7);
    }

    @Test
    void keepsAnEventNoQueueTakesUnpublishedWithTheReason() {
        SomethingHappened unheard = new SomethingHappened(UUID.randomUUID(), UUID.randomUUID(), now(), "unheard");
        transactions.executeWithoutResult(status -> events.publishEvent(new NobodyListens(unheard)));

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from outbox_event where last_error is not null").query(Long.class).single() == 1);

        assertThat(unpublished()).isEqualTo(1);
        assertThat(jdbc.sql("select last_error from outbox_event").query(String.class).single())
                .startsWith("unroutable: no queue bound for " + NOBODY_LISTENS);
    }

    @Test
    void handsAnEventToItsHandlerOnceHoweverOftenItIsDelivered() {
        SomethingHappened event = happened("delivered twice");
        Message<byte[]> message = MessageBuilder.withPayload(new EventJson(List.of()).write(event)
                        .getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.TYPE, HAPPENED)
                .build();
        AtomicInteger handled = new AtomicInteger();

        for (int delivery = 0; delivery < 2; delivery++) {
            inbound.decode(message).ifPresent(decoded ->
                    inbound.handleOnce((SomethingHappened) decoded, e -> handled.incrementAndGet()));
        }

        assertThat(handled).hasValue(1);
        assertThat(jdbc.sql("select consumer from processed_event where event_id = :id").param("id", event.eventId())
                .query(String.class).single()).isEqualTo("kit-tests");
    }

    @Test
    void ignoresATypeTheServiceDoesNotKnowAndRefusesAMessageWithoutAType() {
        Message<byte[]> unknown = MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.TYPE, "kit.SomethingElse.v1").build();
        Message<byte[]> untyped = MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8)).build();

        assertThat(inbound.decode(unknown)).isEmpty();
        assertThatThrownBy(() -> inbound.decode(untyped)).isInstanceOf(IllegalArgumentException.class);
    }

    private long unpublished() {
        return jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single();
    }

    private static SomethingHappened happened(String what) {
        return new SomethingHappened(UUID.randomUUID(), UUID.randomUUID(), now(), what);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A service's event contract in miniature: a common interface, records, a type name each. */
    interface KitEvent {
        UUID eventId();

        UUID subjectId();

        Instant occurredAt();
    }

    record SomethingHappened(UUID eventId, UUID subjectId, Instant occurredAt, String what) implements KitEvent {
    }

    /** Same facts, a type name no queue is bound to. */
    record NobodyListens(SomethingHappened facts) implements KitEvent {
        public UUID eventId() {
            return facts.eventId();
        }

        public UUID subjectId() {
            return facts.subjectId();
        }

        public Instant occurredAt() {
            return facts.occurredAt();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Service {

        @Bean
        EventCatalogue<KitEvent> eventCatalogue() {
            return new EventCatalogue<>(KitEvent.class,
                    Map.of(HAPPENED, SomethingHappened.class, NOBODY_LISTENS, NobodyListens.class),
                    event -> new EventFacts(event.eventId(),
                            event instanceof NobodyListens ? NOBODY_LISTENS : HAPPENED,
                            EXCHANGE, event.subjectId(), event.occurredAt()));
        }
    }
}
