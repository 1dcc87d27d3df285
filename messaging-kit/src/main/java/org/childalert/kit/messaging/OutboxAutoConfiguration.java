package org.childalert.kit.messaging;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A service that declares its {@link EventCatalogue} and has a database and Spring Cloud Stream gets the messaging
 * around its {@code outbox_event} and {@code processed_event} tables: the {@link Outbox}, the {@link OutboxRelay}
 * (after each commit and every {@code childalert.outbox.poll-interval}), {@link InboundEvents} and
 * {@link EventJson}.
 */
@AutoConfiguration(after = {JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
        TransactionAutoConfiguration.class},
        afterName = "org.springframework.cloud.stream.config.BindingServiceConfiguration")
@ConditionalOnClass(StreamBridge.class)
@ConditionalOnBean({EventCatalogue.class, JdbcClient.class, NamedParameterJdbcTemplate.class, TransactionTemplate.class})
@EnableConfigurationProperties({MessagingProperties.class, TracingProperties.class})
@EnableScheduling
public class OutboxAutoConfiguration {

    @Bean
    EventJson eventJson(EventCatalogue<?> catalogue) {
        return new EventJson(catalogue.recordTypes().values());
    }

    @Bean
    TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                                TracingProperties properties) {
        return new TraceContexts(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP), properties);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, StreamBridge streamBridge, TransactionTemplate transactions,
                            MessagingProperties properties, Environment environment, TraceContexts traces) {
        String source = properties.outbox().source() != null
                ? properties.outbox().source()
                : "/" + applicationName(environment, "childalert.outbox.source");
        return new OutboxRelay(jdbc, streamBridge, transactions, source, properties.outbox(), traces);
    }

    @Bean
    SchedulingConfigurer outboxRelaySchedule(OutboxRelay relay, MessagingProperties properties) {
        return registrar -> registrar.addFixedDelayTask(relay::publishPending, properties.outbox().pollInterval());
    }

    @Bean
    Outbox outbox(NamedParameterJdbcTemplate jdbc, EventCatalogue<?> catalogue, EventJson json, OutboxRelay relay,
                  TraceContexts traces) {
        return new Outbox(jdbc, catalogue, json, relay, traces);
    }

    @Bean
    ProcessedEvents processedEvents(JdbcClient jdbc) {
        return new ProcessedEvents(jdbc);
    }

    @Bean
    InboundEvents inboundEvents(EventCatalogue<?> catalogue, EventJson json, ProcessedEvents processed,
                                TransactionTemplate transactions, MessagingProperties properties,
                                Environment environment, TraceContexts traces) {
        String consumer = properties.processedEvents().consumer() != null
                ? properties.processedEvents().consumer()
                : applicationName(environment, "childalert.processed-events.consumer");
        return new InboundEvents(catalogue, json, processed, transactions, consumer, traces);
    }

    private static String applicationName(Environment environment, String setting) {
        String name = environment.getProperty("spring.application.name");
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("Set spring.application.name or " + setting);
        }
        return name;
    }
}
