package org.childalert.alerts.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.childalert.alerts.Escalations.ALL_CRITERIA_MET;
import static org.childalert.alerts.Escalations.escalation;
import static org.childalert.alerts.Escalations.someCoordinator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.childalert.alerts.acknowledgement.PoliceAcknowledgements;
import org.childalert.alerts.lifecycle.EscalationIntake;
import org.childalert.events.DisclosureLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The bound of alert-service's tables (issue 13, item 4), against the real database: an alert that ended longer
 * than the retention period ago goes with every row that hangs on it; a recent ended one, a running one and one
 * waiting for approval stay, however old. The test profile switches the schedule off ({@code -}), as an operator
 * may: then nothing is deleted by itself.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EndedAlertRetentionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    EscalationIntake intake;

    @Autowired
    PoliceAcknowledgements acknowledgements;

    @Autowired
    EndedAlertRetention retention;

    @Autowired
    ScheduledTaskHolder scheduledTasks;

    @Autowired
    JdbcClient jdbc;

    EndedAlerts alerts;

    @BeforeEach
    void fixtures() {
        alerts = new EndedAlerts(mvc, intake, acknowledgements, jdbc);
    }

    @Test
    void anAlertThatEndedLongerAgoThanTheRetentionGoesWithAllItsRowsAndNothingElseDoes() throws Exception {
        Instant now = Instant.now();
        UUID cancelledLongAgo = alerts.cancelledAlertWithEverythingHangingOnIt();
        alerts.endedAt(cancelledLongAgo, now.minus(EndedAlerts.RETENTION).minus(Duration.ofDays(1)));
        UUID expiredLongAgo = alerts.activeAlert();
        alerts.expiredAt(expiredLongAgo, now.minus(EndedAlerts.RETENTION).minus(Duration.ofMinutes(1)));
        UUID refusedLongAgo = alerts.refusedAlert();
        alerts.endedAt(refusedLongAgo, now.minus(EndedAlerts.RETENTION).minus(Duration.ofHours(2)));
        UUID cancelledRecently = alerts.cancelledAlertWithEverythingHangingOnIt();
        alerts.endedAt(cancelledRecently, now.minus(EndedAlerts.RETENTION).plus(Duration.ofDays(1)));
        UUID expiredRecently = alerts.activeAlert();
        alerts.expiredAt(expiredRecently, now.minus(Duration.ofDays(10)));
        UUID refusedJustNow = alerts.refusedAlert();
        UUID runningForYears = alerts.activeAlert();
        alerts.requestedAt(runningForYears, now.minus(EndedAlerts.RETENTION).minus(Duration.ofDays(30)));
        UUID waitingForYears = alerts.intake(escalation(DisclosureLevel.PUBLIC, ALL_CRITERIA_MET, someCoordinator()));
        alerts.requestedAt(waitingForYears, now.minus(EndedAlerts.RETENTION).minus(Duration.ofDays(30)));
        assertThat(alerts.rowsHangingOn(cancelledLongAgo)).allSatisfy((table, rows) ->
                assertThat(rows).as("rows of %s before", table).isPositive());

        int deleted = retention.deleteDueAt(now);

        assertThat(deleted).isGreaterThanOrEqualTo(3);
        for (UUID gone : List.of(cancelledLongAgo, expiredLongAgo, refusedLongAgo)) {
            assertThat(alerts.alertExists(gone)).as("alert %s", gone).isFalse();
            assertThat(alerts.rowsHangingOn(gone)).allSatisfy((table, rows) ->
                    assertThat(rows).as("rows of %s after", table).isZero());
        }
        for (UUID kept : List.of(cancelledRecently, expiredRecently, refusedJustNow, runningForYears,
                waitingForYears)) {
            assertThat(alerts.alertExists(kept)).as("alert %s", kept).isTrue();
        }
        assertThat(alerts.rowsHangingOn(cancelledRecently)).allSatisfy((table, rows) ->
                assertThat(rows).as("rows of %s kept", table).isPositive());
        assertThat(retention.deleteDueAt(now)).isZero();
    }

    @Test
    void theAuditTrailsStayAppendOnlyForAnyoneButTheRetention() throws Exception {
        UUID ended = alerts.cancelledAlertWithEverythingHangingOnIt();
        alerts.endedAt(ended, Instant.now().minus(EndedAlerts.RETENTION).minus(Duration.ofDays(1)));

        for (String trail : List.of("alert_decision", "alert_data_withdrawal")) {
            assertThat(refusal(() -> jdbc.sql("delete from " + trail + " where alert_id = :id").param("id", ended)
                    .update())).as(trail).contains("append-only");
        }
        assertThat(alerts.rowsHangingOn(ended).get("alert_decision")).isPositive();
    }

    @Test
    void aDisabledScheduleDeletesNothingByItself() throws Exception {
        UUID ended = alerts.cancelledAlertWithEverythingHangingOnIt();
        alerts.endedAt(ended, Instant.now().minus(EndedAlerts.RETENTION).minus(Duration.ofDays(1)));

        assertThat(scheduledTasks.getScheduledTasks())
                .noneMatch(task -> task.toString().contains(EndedAlertRetention.class.getSimpleName()));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> alerts.alertExists(ended));
    }

    private static String refusal(Runnable statement) {
        try {
            statement.run();
            return "done";
        } catch (DataAccessException e) {
            return e.getMostSpecificCause().getMessage();
        }
    }
}
