package org.childalert.kit.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * A test's own connection to the real RabbitMQ, in the test vhost {@code childalert-test} plus
 * {@code CHILDALERT_TEST_SUFFIX} (what {@code bin/stack reset-tests} creates): plays the other services, publishing
 * their events and listening to the service's, as they would on the wire. A JUnit 5 extension: registered with
 * {@code @RegisterExtension static final TestBroker broker = new TestBroker();} it connects lazily and closes after
 * the test class.
 */
public final class TestBroker implements AfterAllCallback, AutoCloseable {

    private final CachingConnectionFactory connections;
    private final RabbitAdmin admin;
    private final RabbitTemplate template;

    public TestBroker() {
        connections = new CachingConnectionFactory("127.0.0.1", 5672);
        connections.setUsername("guest");
        connections.setPassword("guest");
        connections.setVirtualHost(virtualHost());
        admin = new RabbitAdmin(connections);
        template = new RabbitTemplate(connections);
    }

    /** The test vhost of this checkout: {@code childalert-test} plus {@code CHILDALERT_TEST_SUFFIX}. */
    public static String virtualHost() {
        return "childalert-test" + System.getenv().getOrDefault("CHILDALERT_TEST_SUFFIX", "");
    }

    /** A fresh queue that receives the events of that type published to the exchange. */
    public String listen(String exchange, String typeName) {
        TopicExchange topic = new TopicExchange(exchange, true, false);
        admin.declareExchange(topic);
        // expires when unused for a minute: a receive() with a timeout would delete an auto-delete queue
        Queue queue = QueueBuilder.nonDurable("test." + typeName + "." + UUID.randomUUID()).expires(60_000).build();
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(topic).with(typeName));
        return queue.getName();
    }

    /** Publishes an event as its producer's relay would: routed by its type name, with its CloudEvents headers. */
    public void publish(String exchange, String typeName, UUID eventId, String json) {
        admin.declareExchange(new TopicExchange(exchange, true, false));
        MessageProperties properties = new MessageProperties();
        properties.setContentType("application/json");
        properties.setHeader("cloudEvents:specversion", "1.0");
        properties.setHeader("cloudEvents:id", eventId.toString());
        properties.setHeader("cloudEvents:type", typeName);
        properties.setHeader("cloudEvents:source", "/test");
        properties.setHeader("cloudEvents:time", Instant.now().toString());
        template.send(exchange, typeName, new Message(json.getBytes(StandardCharsets.UTF_8), properties));
    }

    public Message receive(String queue, long timeoutMillis) {
        return template.receive(queue, timeoutMillis);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        connections.destroy();
    }
}
