package org.childalert.alerts.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childalert.alerts.Escalations.ALL_CRITERIA_MET;
import static org.childalert.alerts.Escalations.escalation;
import static org.childalert.alerts.Escalations.someCoordinator;
import static org.childalert.alerts.Tokens.officer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.childalert.alerts.MovableClock;
import org.childalert.alerts.lifecycle.EscalationIntake;
import org.childalert.events.CaseEscalationRequested;
import org.childalert.events.DisclosureLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A timer that cannot fire is never silent, and an expiry that cannot fire still ends the alert: a timer given up
 * after its fifth failure is an ERROR log line, a metric and a health warning; an active alert past its expiry (and
 * the grace) is expired by the sweeper whatever its expiry timer's state, withdrawing the child's data. Pollers and
 * sweeper are called by the test (their schedules are an hour), on a {@link MovableClock}.
 */
@SpringBootTest(properties = {"childalert.timers.poll-interval=1h",
        "childalert.timers.supervision.expiry-sweep-interval=1h"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MovableClock.Configuration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class TimerSupervisionIntegrationTests {

    private static final MovableClock CLOCK = MovableClock.SHARED;

    @Autowired
    MockMvc mvc;

    @Autowired
    EscalationIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TimerPoller poller;

    @Autowired
    OverdueExpirySweeper sweeper;

    @Autowired
    TimerTroubles troubles;

    @Autowired
    MeterRegistry meters;

    @Autowired
    @Qualifier("timers")
    HealthIndicator timersHealth;

    @Test
    void aTimerGivenUpAfterItsLastAttemptIsAnErrorAMetricAndAHealthWarning(CapturedOutput output) throws Exception {
        // a run stopped half-way may have left its broken timer behind: it is not this run's
        jdbc.sql("update alert_timer set fired_at = now(), outcome = 'left over' where detail = 'not a radius' "
                + "and fired_at is null").update();
        // the other test contexts' pollers run on the real clock: on the shared clock an hour ahead of it, the broken
        // timer is due for this test's poller only, which therefore makes all its attempts
        Duration behindRealTime = Duration.between(CLOCK.instant(), Instant.now());
        CLOCK.advance((behindRealTime.isNegative() ? Duration.ZERO : behindRealTime).plus(Duration.ofHours(1)));
        UUID alertId = activeAlert();
        long timerId = jdbc.sql("""
                insert into alert_timer (alert_id, kind, detail, due_at) values (:alertId, 'WIDENING', 'not a radius', :now)
                returning id
                """).param("alertId", alertId).param("now", Timestamp.from(CLOCK.instant()))
                .query(Long.class).single();

        // until the timer is given up: this context's own scheduled poller may take an attempt while the test's
        // pass finds the timer locked (skip locked) or not yet due, so the passes are counted, not the attempts;
        // each pass advances at least as far as the retry of the attempt it may have made
        for (int pass = 1; pass <= 4 * TimerPoller.MAX_ATTEMPTS && !givenUp(timerId); pass++) {
            // every due timer, however many earlier tests left due on the shared clock (a pass fires a batch of
            // them, oldest first); a failed one is due again only later, so this ends
            while (poller.fireDue() > 0) {
                continue;
            }
            CLOCK.advance(Duration.ofMinutes(pass + 1));
        }

        assertThat(jdbc.sql("select outcome from alert_timer where id = :id").param("id", timerId)
                .query(String.class).single()).isEqualTo("FAILED");
        assertThat(output.getOut()).containsPattern("(?m)^\\{.*ERROR.*Timer " + timerId + " \\(WIDENING of alert "
                + alertId + ".*given up after 5 attempts, marked FAILED");
        assertThat(meters.get("childalert.timers.failed").tag("kind", "WIDENING").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("childalert.timers.failed.recent").gauge().value()).isGreaterThanOrEqualTo(1.0);
        assertThat(troubles.recentlyFailed(1000)).anySatisfy(failed -> {
            assertThat(failed.id()).isEqualTo(timerId);
            assertThat(failed.alertId()).isEqualTo(alertId);
        });

        Health health = timersHealth.health();
        assertThat(health.getStatus().getCode()).isEqualTo("WARNING");
        assertThat((Long) health.getDetails().get("failedTimers")).isGreaterThanOrEqualTo(1L);
    }

    private boolean givenUp(long timerId) {
        return "FAILED".equals(jdbc.sql("select outcome from alert_timer where id = :id").param("id", timerId)
                .query(String.class).optional().orElse(null));
    }

    @Test
    void anAlertPastItsExpiryIsExpiredAndItsChildsDataWithdrawnWhenItsExpiryTimerWasGivenUp() throws Exception {
        UUID alertId = activeAlert();
        jdbc.sql("""
                update alert_timer set attempts = 5, fired_at = :now, outcome = 'FAILED', last_error = 'broken'
                where alert_id = :alertId and kind = 'EXPIRY'
                """).param("alertId", alertId).param("now", Timestamp.from(CLOCK.instant())).update();

        CLOCK.advance(Duration.ofHours(12).plusMinutes(16)); // a targeted alert lives 12 h; the grace is 15 min
        poller.fireDue();
        assertThat(field(alertId, "status")).as("no timer ends it").isEqualTo("ACTIVE");
        assertThat(troubles.overdueExpiries()).isGreaterThanOrEqualTo(1);

        sweeper.expireOverdue();

        assertThat(field(alertId, "status")).isEqualTo("EXPIRED");
        assertThat(field(alertId, "child_description")).isNull();
        assertThat(count("select count(*) from outbox_event where subject_id = :id and type_name = 'alerts.AlertExpired.v1'",
                alertId)).isEqualTo(1);
        assertThat(count("select count(*) from alert_data_withdrawal where alert_id = :id and reason = 'EXPIRED'",
                alertId)).isEqualTo(1);

        sweeper.expireOverdue();
        assertThat(count("select count(*) from outbox_event where subject_id = :id and type_name = 'alerts.AlertExpired.v1'",
                alertId)).as("expired once").isEqualTo(1);
    }

    private UUID activeAlert() throws Exception {
        CaseEscalationRequested request = escalation(DisclosureLevel.TARGETED, ALL_CRITERIA_MET, someCoordinator());
        intake.open(request);
        mvc.perform(post("/api/alerts/{id}/approval", request.alertId()).with(officer("bob")))
                .andExpect(status().isOk());
        return request.alertId();
    }

    private String field(UUID alertId, String column) {
        return jdbc.sql("select " + column + "::text from alert where id = :id").param("id", alertId)
                .query(String.class).optional().orElse(null);
    }

    private long count(String sql, UUID alertId) {
        return jdbc.sql(sql).param("id", alertId).query(Long.class).single();
    }
}
