package org.childalert.kit.messaging;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.stream.binder.rabbit.properties.RabbitConsumerProperties;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * A consumer binding that names the event types it handles ({@code binding-routing-key} without {@code #}) takes
 * only those, even on a broker where an earlier version of the service bound the same queue with {@code #}: the
 * binder only ever adds bindings, so at start, once the binder has declared its queues, the catch-all binding of
 * each such queue to its exchange is removed (RabbitMQ takes the removal of a binding that is not there as done).
 */
public final class CatchAllBindingRemoval implements ApplicationListener<ApplicationReadyEvent> {

    static final String CATCH_ALL = "#";
    private static final Logger log = LoggerFactory.getLogger(CatchAllBindingRemoval.class);

    private final AmqpAdmin admin;
    private final BindingServiceProperties bindings;
    private final Environment environment;

    CatchAllBindingRemoval(AmqpAdmin admin, BindingServiceProperties bindings, Environment environment) {
        this.admin = admin;
        this.bindings = bindings;
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        try {
            removeStaleCatchAllBindings();
        } catch (RuntimeException e) {
            log.warn("Could not look for catch-all bindings to remove: {}", e.toString());
        }
    }

    /** Removes the {@code #} binding of every queue whose consumer binding names its types; says which queues. */
    public List<String> removeStaleCatchAllBindings() {
        return bindings.getBindings().entrySet().stream()
                .filter(binding -> binding.getValue().getGroup() != null && binding.getValue().getDestination() != null)
                .filter(binding -> namesItsTypes(consumerProperties(binding.getKey())))
                .map(binding -> removeCatchAll(binding.getValue(), consumerProperties(binding.getKey())))
                .toList();
    }

    private RabbitConsumerProperties consumerProperties(String bindingName) {
        // the whole map, so that a binding's name is matched as the binder matches it (camel case and all); only
        // the consumer side: a producer's settings (a routing-key expression) need the binder's own converters
        Map<String, ConsumerSide> rabbitBindings = Binder.get(environment)
                .bind("spring.cloud.stream.rabbit.bindings", Bindable.mapOf(String.class, ConsumerSide.class))
                .orElse(Map.of());
        ConsumerSide rabbit = rabbitBindings.get(bindingName);
        return rabbit == null ? null : rabbit.getConsumer();
    }

    /** The consumer half of a binding's RabbitMQ settings. */
    public static final class ConsumerSide {

        private RabbitConsumerProperties consumer;

        public RabbitConsumerProperties getConsumer() {
            return consumer;
        }

        public void setConsumer(RabbitConsumerProperties consumer) {
            this.consumer = consumer;
        }
    }

    private static boolean namesItsTypes(RabbitConsumerProperties consumer) {
        if (consumer == null || consumer.getBindingRoutingKey() == null) {
            return false;
        }
        String delimiter = consumer.getBindingRoutingKeyDelimiter();
        String[] keys = delimiter == null ? new String[] {consumer.getBindingRoutingKey()}
                : consumer.getBindingRoutingKey().split(java.util.regex.Pattern.quote(delimiter));
        return Arrays.stream(keys).map(String::trim).noneMatch(CATCH_ALL::equals);
    }

    private String removeCatchAll(BindingProperties binding, RabbitConsumerProperties consumer) {
        String prefix = consumer.getPrefix() == null ? "" : consumer.getPrefix();
        String exchange = prefix + binding.getDestination();
        String queue = consumer.isQueueNameGroupOnly() ? prefix + binding.getGroup()
                : prefix + binding.getDestination() + "." + binding.getGroup();
        try {
            admin.removeBinding(new Binding(queue, Binding.DestinationType.QUEUE, exchange, CATCH_ALL, null));
        } catch (RuntimeException e) {
            log.warn("Could not remove a catch-all binding of {} to {}: {}", queue, exchange, e.toString());
        }
        return queue;
    }
}
