package org.childalert.kit.messaging;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.cloud.stream.binder.rabbit.properties.RabbitConsumerProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** A service with RabbitMQ consumer bindings gets {@link CatchAllBindingRemoval}. */
@AutoConfiguration(afterName = {"org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
        "org.springframework.cloud.stream.config.BindingServiceConfiguration"})
@ConditionalOnClass(RabbitConsumerProperties.class)
@ConditionalOnBean({AmqpAdmin.class, BindingServiceProperties.class})
public class ConsumerBindingsAutoConfiguration {

    @Bean
    CatchAllBindingRemoval catchAllBindingRemoval(AmqpAdmin admin, BindingServiceProperties bindings,
                                                  Environment environment) {
        return new CatchAllBindingRemoval(admin, bindings, environment);
    }
}
