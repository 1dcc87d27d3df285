package org.childalert.notifications.retention;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

/** The retention of what alerts leave behind, run on {@code childalert.retention.schedule} ({@code "-"}: never). */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    AlertRetention alertRetention(JdbcClient jdbc, TransactionTemplate transactions, RetentionProperties properties) {
        return new AlertRetention(jdbc, transactions, properties, Clock.systemUTC());
    }

    @Bean
    SchedulingConfigurer alertRetentionSchedule(AlertRetention retention, RetentionProperties properties) {
        return registrar -> schedule(registrar, retention, properties);
    }

    static void schedule(ScheduledTaskRegistrar registrar, AlertRetention retention, RetentionProperties properties) {
        if (properties.scheduled()) {
            registrar.addCronTask(retention::purgeNow, properties.schedule());
        }
    }
}
