package org.childalert.kit.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
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
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A trace survives the outbox: the span that records an event leaves its W3C {@code traceparent} in the row, and
 * the relay, later and on its own thread, publishes the message as a child of that span, with the child's
 * {@code traceparent} in the message headers. Real PostgreSQL and RabbitMQ, OpenTelemetry through Micrometer
 * Tracing as in the services.
 */
@SpringBootTest(classes = OutboxTraceContextIntegrationTests.TracedService.class, properties = {
        "spring.application.name=kit-trace-tests",
        "spring.cloud.stream.output-bindings=publishedEvents",
        "spring.cloud.stream.bindings.publishedEvents.destination=" + OutboxTraceContextIntegrationTests.EXCHANGE,
        "spring.cloud.stream.rabbit.bindings.publishedEvents.producer.exchange-type=topic",
        "spring.cloud.stream.rabbit.bindings.publishedEvents.producer.routing-key-expression="
                + "T(org.springframework.cloud.function.cloudevent.CloudEventMessageUtils).getType(#root)",
        "spring.cloud.stream.rabbit.bindings.publishedEvents.producer.use-confirm-header=true",
        "management.tracing.sampling.probability=1.0",
        "management.opentelemetry.tracing.export.schedule-delay=100ms",
        "childalert.tracing.subject-tag=childalert.alert_id",
        "childalert.outbox.poll-interval=1h" })
class OutboxTraceContextIntegrationTests {

    static final String EXCHANGE = "kit.traced-events";
    static final String HAPPENED = "kit.SomethingTraced.v1";
    private static final String QUEUE = "kit-trace-tests.something-traced";

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tracer tracer;

    @Autowired
    InMemorySpanExporter exported;

    @Autowired
    AmqpAdmin admin;

    @Autowired
    RabbitTemplate rabbit;

    @BeforeEach
    void aQueueAndAnEmptyOutbox() {
        TopicExchange exchange = new TopicExchange(EXCHANGE);
        admin.declareExchange(exchange);
        Queue queue = new Queue(QUEUE, false, false, false);
        admin.deleteQueue(QUEUE);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with(HAPPENED));
        jdbc.sql("delete from outbox_event").update();
        exported.reset();
    }

    @Test
    void storesTheRecordingSpansTraceparentWithTheRowAndPublishesTheMessageAsItsChild() {
        SomethingTraced event = traced();
        Span request = tracer.nextSpan().name("a request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            transactions.executeWithoutResult(status -> events.publishEvent(event));
        } finally {
            request.end();
        }
        String traceId = request.context().traceId();

        assertThat(storedTraceparent(event)).isEqualTo("00-" + traceId + "-" + request.context().spanId() + "-01");

        Message message = rabbit.receive(QUEUE, 10_000);
        assertThat(message).isNotNull();
        String sent = (String) message.getMessageProperties().getHeaders().get(TraceContexts.TRACEPARENT);
        assertThat(sent).as("the message continues the request's trace").startsWith("00-" + traceId + "-")
                .isNotEqualTo(storedTraceparent(event));

        SpanData publication = await().atMost(Duration.ofSeconds(10)).until(() -> exported.getFinishedSpanItems()
                .stream().filter(span -> span.getName().equals("publish " + HAPPENED))
                .filter(span -> span.getTraceId().equals(traceId)).findFirst().orElse(null),
                span -> span != null);
        assertThat(publication.getParentSpanId()).isEqualTo(request.context().spanId());
        assertThat(publication.getAttributes().get(AttributeKey.stringKey("childalert.alert_id")))
                .isEqualTo(event.subjectId().toString());
        assertThat(publication.getAttributes().get(AttributeKey.stringKey("childalert.event_type"))).isEqualTo(HAPPENED);
    }

    @Test
    void anEventRecordedOutsideAnyTraceIsStoredWithoutOneAndPublishedInATraceOfItsOwn() {
        SomethingTraced event = traced();
        transactions.executeWithoutResult(status -> events.publishEvent(event));

        assertThat(storedTraceparent(event)).isNull();
        Message message = rabbit.receive(QUEUE, 10_000);
        assertThat(message).isNotNull();
        assertThat((String) message.getMessageProperties().getHeaders().get(TraceContexts.TRACEPARENT))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    private String storedTraceparent(SomethingTraced event) {
        return jdbc.sql("select traceparent from outbox_event where event_id = :id").param("id", event.eventId())
                .query(String.class).optional().orElse(null);
    }

    private static SomethingTraced traced() {
        return new SomethingTraced(UUID.randomUUID(), UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    record SomethingTraced(UUID eventId, UUID subjectId, Instant occurredAt) {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TracedService {

        @Bean
        EventCatalogue<SomethingTraced> eventCatalogue() {
            return new EventCatalogue<>(SomethingTraced.class, Map.of(HAPPENED, SomethingTraced.class),
                    event -> new EventFacts(event.eventId(), HAPPENED, EXCHANGE, event.subjectId(), event.occurredAt()));
        }

        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }
}
