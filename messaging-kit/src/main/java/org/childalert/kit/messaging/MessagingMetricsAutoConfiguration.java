package org.childalert.kit.messaging;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A service with the kit's outbox and Micrometer gets {@link MessagingMetrics}: the outbox's depth and the age of its
 * oldest unpublished event, and the depth of the dead-letter queue of each of its consumer bindings (a binding with a
 * group: {@code <destination>.<group>.dlq}, as the Rabbit binder's {@code auto-bind-dlq} names it).
 */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(OutboxRelay.class)
public class MessagingMetricsAutoConfiguration {

    @Bean
    MeterBinder messagingMetrics(JdbcClient jdbc, ObjectProvider<AmqpAdmin> amqp,
                                 ObjectProvider<BindingServiceProperties> bindings, Environment environment) {
        String service = environment.getProperty("spring.application.name", "unnamed");
        return new MessagingMetrics(jdbc, amqp.getIfUnique(), service, deadLetterQueues(bindings.getIfAvailable()));
    }

    private static List<String> deadLetterQueues(BindingServiceProperties properties) {
        if (properties == null) {
            return List.of();
        }
        return properties.getBindings().entrySet().stream()
                .map(Map.Entry::getValue)
                .filter(binding -> binding.getGroup() != null && binding.getDestination() != null)
                .map(MessagingMetricsAutoConfiguration::deadLetterQueue)
                .distinct()
                .sorted()
                .toList();
    }

    private static String deadLetterQueue(BindingProperties binding) {
        return binding.getDestination() + "." + binding.getGroup() + ".dlq";
    }
}
