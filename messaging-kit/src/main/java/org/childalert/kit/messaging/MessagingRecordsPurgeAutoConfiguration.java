package org.childalert.kit.messaging;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A service with a database gets the purge of its messaging tables, run on {@code childalert.outbox.purge-schedule}.
 * Scheduling is enabled here too, so the purge runs even in a service that schedules nothing else; in a service
 * that already has {@code @EnableScheduling} this is the same single scheduler (the processor is registered once),
 * so nothing runs twice.
 */
@AutoConfiguration(after = {JdbcClientAutoConfiguration.class, TransactionAutoConfiguration.class})
@ConditionalOnBean({JdbcClient.class, TransactionTemplate.class})
@EnableConfigurationProperties(MessagingProperties.class)
@EnableScheduling
public class MessagingRecordsPurgeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MessagingRecordsPurge messagingRecordsPurge(JdbcClient jdbc, TransactionTemplate transactions,
                                                ObjectProvider<Clock> clock, MessagingProperties properties) {
        return new MessagingRecordsPurge(jdbc, transactions, clock.getIfAvailable(Clock::systemUTC), properties);
    }

    @Bean
    SchedulingConfigurer messagingRecordsPurgeSchedule(MessagingRecordsPurge purge,
                                                       MessagingProperties properties) {
        return registrar -> schedule(registrar, purge, properties);
    }

    private static void schedule(ScheduledTaskRegistrar registrar, MessagingRecordsPurge purge,
                                 MessagingProperties properties) {
        if (properties.outbox().scheduled()) {
            registrar.addCronTask(purge::purgeNow, properties.outbox().purgeSchedule());
        }
    }
}
