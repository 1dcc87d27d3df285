package org.childalert.kit.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.childalert.kit.messaging.OutboxIntegrationTests.NobodyListens;
import org.childalert.kit.messaging.OutboxIntegrationTests.SomethingHappened;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event no queue takes comes back at the head of every relay pass; a batch of them held every newer event back
 * for good. With {@code childalert.outbox.park-after-attempts} it is parked after that many attempts, with an
 * ERROR, and the newer events go.
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
        "childalert.outbox.confirm-timeout=2s",
        "childalert.outbox.park-after-attempts=2" })
@ExtendWith(OutputCaptureExtension.class)
class OutboxParkingIntegrationTests {

    private static final String QUEUE = "kit-tests.parking.something-happened";

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
    void aQueueForOneTypeAndAnEmptyOutbox() {
        TopicExchange exchange = new TopicExchange(OutboxIntegrationTests.EXCHANGE);
        admin.declareExchange(exchange);
        Queue queue = new Queue(QUEUE, false, false, false);
        admin.deleteQueue(QUEUE);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with(OutboxIntegrationTests.HAPPENED));
        jdbc.sql("delete from outbox_event").update();
    }

    @Test
    void aBatchOfUnroutableEventsIsParkedAndNoLongerHoldsTheNewerOnesBack(CapturedOutput output) {
        List<NobodyListens> unheard = IntStream.range(0, 3) // a whole batch
                .mapToObj(n -> new NobodyListens(happened("unheard " + n))).toList();
        List<SomethingHappened> heard = IntStream.range(0, 2).mapToObj(n -> happened("heard " + n)).toList();
        transactions.executeWithoutResult(status -> unheard.forEach(events::publishEvent));
        transactions.executeWithoutResult(status -> heard.forEach(events::publishEvent));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            relay.publishPending();
            return count("published_at is not null") == heard.size();
        });
        relay.publishPending(); // a parked event is no longer tried

        assertThat(count("parked_at is not null and published_at is null and attempts = 2 "
                + "and last_error like 'unroutable: %'")).isEqualTo(unheard.size());
        assertThat(output.getAll()).contains("parked after 2 attempts")
                .contains(unheard.get(0).eventId().toString());
    }

    private long count(String condition) {
        return jdbc.sql("select count(*) from outbox_event where " + condition).query(Long.class).single();
    }

    private static SomethingHappened happened(String what) {
        return new SomethingHappened(UUID.randomUUID(), UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                what);
    }
}
