package org.childalert.alerts.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.childalert.alerts.acknowledgement.PoliceAcknowledgements;
import org.childalert.alerts.lifecycle.EscalationIntake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The retention on a schedule (here every second, in batches of two): ended alerts past the period go by
 * themselves, every batch of them, and a running one stays. The context is closed after the class, so that its
 * schedule does not run on under other test classes.
 */
@SpringBootTest(properties = {
        "childalert.retention.ended-alerts.schedule=* * * * * *",
        "childalert.retention.ended-alerts.batch-size=2" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
class EndedAlertRetentionScheduleIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    EscalationIntake intake;

    @Autowired
    PoliceAcknowledgements acknowledgements;

    @Autowired
    ScheduledTaskHolder scheduledTasks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsOnItsScheduleInBatchesAndLeavesARunningAlert() throws Exception {
        EndedAlerts alerts = new EndedAlerts(mvc, intake, acknowledgements, jdbc);
        assertThat(scheduledTasks.getScheduledTasks())
                .anyMatch(task -> task.toString().contains(EndedAlertRetention.class.getSimpleName()));
        Instant longAgo = Instant.now().minus(EndedAlerts.RETENTION).minus(Duration.ofDays(3));
        List<UUID> ended = List.of(alerts.cancelledAlertWithEverythingHangingOnIt(),
                alerts.cancelledAlertWithEverythingHangingOnIt(), alerts.cancelledAlertWithEverythingHangingOnIt(),
                alerts.refusedAlert(), alerts.refusedAlert());
        UUID running = alerts.activeAlert();
        alerts.requestedAt(running, longAgo);

        ended.forEach(id -> alerts.endedAt(id, longAgo));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ended).noneMatch(alerts::alertExists));
        assertThat(alerts.alertExists(running)).isTrue();
        assertThat(ended).allSatisfy(id -> assertThat(alerts.rowsHangingOn(id)).allSatisfy((table, rows) ->
                assertThat(rows).as("rows of %s", table).isZero()));
    }
}
