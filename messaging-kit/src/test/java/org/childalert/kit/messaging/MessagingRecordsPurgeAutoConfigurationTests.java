package org.childalert.kit.messaging;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a service gets the purge: only with a database, scheduled once on the setting it has always used. No
 * connection is opened here (the pool connects lazily and the schedule is hourly).
 */
class MessagingRecordsPurgeAutoConfigurationTests {

    private final ApplicationContextRunner withADatabase = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                    JdbcClientAutoConfiguration.class, TransactionAutoConfiguration.class,
                    MessagingRecordsPurgeAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/kit_test_unused");

    @Test
    void givesNoPurgeToAnApplicationWithoutADatabase() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MessagingRecordsPurgeAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MessagingRecordsPurge.class));
    }

    @Test
    void schedulesThePurgeOnceOnTheDefaultScheduleEvenWhenTheServiceEnablesSchedulingItself() {
        withADatabase.withUserConfiguration(ServiceThatSchedules.class).run(context -> {
            assertThat(context).hasSingleBean(MessagingRecordsPurge.class);
            assertThat(cronExpressions(context.getBean(ScheduledTaskHolder.class).getScheduledTasks()))
                    .containsExactly("0 45 * * * *");
        });
    }

    @Test
    void followsTheServicesPurgeScheduleSettingAndSchedulesNothingWhenItIsADash() {
        withADatabase.withPropertyValues("childalert.outbox.purge-schedule=0 15 3 * * *").run(context ->
                assertThat(cronExpressions(context.getBean(ScheduledTaskHolder.class).getScheduledTasks()))
                        .containsExactly("0 15 3 * * *"));
        withADatabase.withPropertyValues("childalert.outbox.purge-schedule=-").run(context -> {
            assertThat(context).hasSingleBean(MessagingRecordsPurge.class);
            assertThat(context.getBean(ScheduledTaskHolder.class).getScheduledTasks()).isEmpty();
        });
    }

    @Test
    void refusesToStartWithARetentionThatIsNotPositiveNamingTheSetting() {
        withADatabase.withPropertyValues("childalert.processed-events.retention=0s").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("childalert.processed-events.retention must be positive"));
        withADatabase.withPropertyValues("childalert.outbox.purge-batch-size=0").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("childalert.outbox.purge-batch-size must be positive"));
    }

    private static java.util.List<String> cronExpressions(Set<ScheduledTask> tasks) {
        return tasks.stream()
                .map(ScheduledTask::getTask)
                .filter(CronTask.class::isInstance)
                .map(task -> ((CronTask) task).getExpression())
                .toList();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class ServiceThatSchedules {
    }
}
